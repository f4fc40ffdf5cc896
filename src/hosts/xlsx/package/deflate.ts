/**
 * A part we create, compressed as it is produced: text chunks in, one zip
 * entry out; only the compressed bytes are held. fflate works in Node and the
 * browser; Node callers may pass zlib's (native, faster) raw deflate instead.
 */
import { Deflate } from "fflate";
import { crc32 } from "./crc32";
import { newEntry, type ZipEntry } from "./zip";

/** A streaming raw-deflate: push chunks, then finish; returns the compressed bytes. */
export interface Deflater {
  push(chunk: Uint8Array): void;
  finish(): Uint8Array[];
  /** A faster CRC-32 than ours, if the platform has one (Node's zlib.crc32). */
  crc32?(data: Uint8Array, crc: number): number;
}

export type DeflaterFactory = () => Deflater;

/** fflate at level 1: for a 100,000-row sheet, several times quicker than the default level for a few percent more bytes. */
export const fflateDeflater: DeflaterFactory = () => {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 1 }, (chunk) => out.push(chunk));
  return {
    push: (chunk) => d.push(chunk),
    finish: () => {
      d.push(new Uint8Array(0), true);
      return out;
    },
  };
};

export class PartWriter {
  private readonly encoder = new TextEncoder();
  private readonly deflater: Deflater;
  private crc = 0;
  private size = 0;

  constructor(
    readonly name: string,
    factory: DeflaterFactory = fflateDeflater,
  ) {
    this.deflater = factory();
  }

  write(text: string): void {
    if (!text) return;
    const bytes = this.encoder.encode(text);
    this.crc = this.deflater.crc32 ? this.deflater.crc32(bytes, this.crc) : crc32(bytes, this.crc);
    this.size += bytes.length;
    this.deflater.push(bytes);
  }

  entry(): ZipEntry {
    const chunks = this.deflater.finish();
    const raw = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let p = 0;
    for (const c of chunks) {
      raw.set(c, p);
      p += c.length;
    }
    return newEntry(this.name, raw, 8, this.crc, this.size);
  }
}

/** A whole part from one string. */
export function textEntry(name: string, text: string, factory?: DeflaterFactory): ZipEntry {
  const w = new PartWriter(name, factory);
  w.write(text);
  return w.entry();
}
