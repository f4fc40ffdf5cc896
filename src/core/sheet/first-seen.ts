/**
 * The first row of each key (folded customer name), for the duplicate check
 * over a whole table: open addressing on a 32-bit hash in typed arrays, so a
 * million customers cost two Int32Arrays instead of a million Map entries.
 * Keys are not kept: on a hash match the earlier row's key is asked for again.
 */
export class FirstSeen {
  private rows = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);
  private size = 0;

  constructor(private readonly keyOf: (row: number) => string) {}

  /** The first row seen with this key, or undefined (and `row` is remembered as its first). */
  check(key: string, row: number): number | undefined {
    const h = hash(key);
    const mask = this.rows.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const r = this.rows[slot];
      if (r < 0) {
        this.rows[slot] = row;
        this.hashes[slot] = h;
        if (++this.size * 2 > this.rows.length) this.grow();
        return undefined;
      }
      if (this.hashes[slot] === h && this.keyOf(r) === key) return r;
    }
  }

  /** The first row seen with this key, or undefined; nothing is remembered (lookups in another table's keys). */
  find(key: string): number | undefined {
    const h = hash(key);
    const mask = this.rows.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const r = this.rows[slot];
      if (r < 0) return undefined;
      if (this.hashes[slot] === h && this.keyOf(r) === key) return r;
    }
  }

  private grow(): void {
    const { rows, hashes } = this;
    this.rows = new Int32Array(rows.length * 2).fill(-1);
    this.hashes = new Int32Array(rows.length * 2);
    const mask = this.rows.length - 1;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] < 0) continue;
      let slot = hashes[i] & mask;
      while (this.rows[slot] >= 0) slot = (slot + 1) & mask;
      this.rows[slot] = rows[i];
      this.hashes[slot] = hashes[i];
    }
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}
