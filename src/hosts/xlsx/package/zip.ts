/**
 * The zip container of an xlsx, read and written by hand: a part we do not
 * touch is copied as its compressed bytes, never inflated and deflated again
 * (fflate has no raw-entry copy). fflate does the (de)compression of the parts
 * we read or create. Bytes in, bytes out; Node and the browser alike.
 */
import { inflateSync } from "fflate";
import { crc32 } from "./crc32";

export class ZipError extends Error {}

/** One entry of a zip: its name and its data exactly as stored. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (nothing else appears in xlsx files). */
  method: number;
  crc: number;
  /** Uncompressed size: known before inflating, so size limits can be checked first. */
  size: number;
  /** The stored (compressed) bytes. */
  raw: Uint8Array;
  /** DOS time and date, kept as they were. */
  time: number;
  date: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip, in central-directory order. Throws ZipError for what is not a readable zip. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError("no end of central directory");
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const at = Number(view.getBigUint64(end - 12, true));
    if (view.getUint32(at, true) !== ZIP64_EOCD) throw new ZipError("bad zip64 end record");
    count = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new ZipError("bad central directory");
    const flags = view.getUint16(p + 8, true);
    if (flags & 1) throw new ZipError("encrypted entry");
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let csize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let local = view.getUint32(p + 42, true);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
    for (let x = p + 46 + nameLen, xEnd = x + extraLen; x + 4 <= xEnd; ) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 1) {
        let q = x + 4;
        if (size === 0xffffffff) {
          size = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (csize === 0xffffffff) {
          csize = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (local === 0xffffffff) local = Number(view.getBigUint64(q, true));
      }
      x += 4 + len;
    }
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw new ZipError(`bad local header for ${name}`);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (data + csize > bytes.length) throw new ZipError(`truncated entry ${name}`);
    entries.push({ name, method, crc, size, raw: bytes.subarray(data, data + csize), time, date });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** A raw-inflate of a whole part (`size`: its uncompressed length): Node's zlib is several times quicker than fflate. */
export type Inflater = (raw: Uint8Array, size: number) => Uint8Array;

/** An entry's uncompressed bytes. */
export function inflateEntry(entry: ZipEntry, inflate?: Inflater): Uint8Array {
  if (entry.method === 0) return entry.raw;
  if (entry.method !== 8) throw new ZipError(`unsupported compression ${entry.method} in ${entry.name}`);
  return inflate ? inflate(entry.raw, entry.size) : inflateSync(entry.raw, { out: new Uint8Array(entry.size) });
}

/** DOS time/date of now, for the entries we create. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Entry fields for bytes we created (deflated by the caller or stored). */
export function newEntry(name: string, raw: Uint8Array, method: number, crc: number, size: number): ZipEntry {
  return { name, method, crc, size, raw, ...dosNow() };
}

/** A zip of the given entries, each written as stored (no re-compression). Sizes must fit 32 bits. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + 46 + 2 * names[i].length + e.raw.length));
  if (total > 0xffffffff || entries.length > 0xffff) throw new ZipError("output over 4 GB");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  /** Local (30 bytes) or central (46 bytes) header, then the name; sizes always in the header (no data descriptor). */
  const header = (e: ZipEntry, name: Uint8Array, localOffset?: number) => {
    const central = localOffset !== undefined;
    view.setUint32(p, central ? CENTRAL : LOCAL, true);
    let q = p + 4;
    if (central) {
      view.setUint16(q, 20, true); // version made by
      q += 2;
    }
    view.setUint16(q, 20, true); // version needed
    view.setUint16(q + 2, 0x0800, true); // UTF-8 names
    view.setUint16(q + 4, e.method, true);
    view.setUint16(q + 6, e.time, true);
    view.setUint16(q + 8, e.date, true);
    view.setUint32(q + 10, e.crc, true);
    view.setUint32(q + 14, e.raw.length, true);
    view.setUint32(q + 18, e.size, true);
    view.setUint16(q + 22, name.length, true);
    q += 26; // extra length 0
    if (central) {
      q += 10; // comment length, disk, internal and external attributes: 0
      view.setUint32(q, localOffset, true);
      q += 4;
    }
    out.set(name, q);
    p = q + name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(p);
    header(e, names[i]);
    out.set(e.raw, p);
    p += e.raw.length;
  });
  const central = p;
  entries.forEach((e, i) => header(e, names[i], offsets[i]));
  view.setUint32(p, EOCD, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  return out.subarray(0, p + 22);
}

export { crc32 };
