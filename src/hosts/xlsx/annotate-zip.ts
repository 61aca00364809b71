/**
 * A minimal zip reader/writer for patching an .xlsx package: entries that are not replaced
 * keep their compressed bytes exactly (no re-deflate); replaced or added entries are deflated
 * with fflate. Works on Uint8Array only (Node and browser alike).
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { decodePart } from './encoding';
import { AnnotateError } from './annotate-errors';
import { crc32 } from './crc32';

export interface ZipEntry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  /** The entry's compressed data (a view into the original buffer). */
  readonly data: Uint8Array;
  readonly externalAttrs: number;
  readonly versionMadeBy: number;
}

/** Upper bound on the unzipped size of one part the annotator reads (bytes). */
export const MAX_PART_SIZE = 256 * 1024 * 1024;
/** Upper bound on the number of entries in a package. */
export const MAX_ENTRIES = 20_000;

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

export { crc32 } from './crc32';

/** Reads the central directory. Throws AnnotateError('not-zip' | 'corrupt' | 'encrypted'). */
export function readZip(buf: Uint8Array): ZipEntry[] {
  if (buf.length < 22 || u32(buf, 0) !== 0x04034b50) {
    if (buf.length >= 8 && u32(buf, 0) === 0xe011cfd0) throw new AnnotateError('encrypted-or-xls');
    throw new AnnotateError('not-zip');
  }
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (u32(buf, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AnnotateError('corrupt');
  const count = u16(buf, eocd + 10);
  let p = u32(buf, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new AnnotateError('corrupt'); // zip64: not for workbooks
  if (count > MAX_ENTRIES) throw new AnnotateError('too-many-entries');
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || u32(buf, p) !== 0x02014b50) throw new AnnotateError('corrupt');
    const versionMadeBy = u16(buf, p + 4);
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const time = u16(buf, p + 12);
    const date = u16(buf, p + 14);
    const crc = u32(buf, p + 16);
    const compressedSize = u32(buf, p + 20);
    const size = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    const externalAttrs = u32(buf, p + 38);
    const local = u32(buf, p + 42);
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    const name = strFromU8(nameBytes, (flags & 0x800) === 0);
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new AnnotateError('encrypted-or-xls');
    if (local + 30 > buf.length || u32(buf, local) !== 0x04034b50) throw new AnnotateError('corrupt');
    const start = local + 30 + u16(buf, local + 26) + u16(buf, local + 28);
    if (start + compressedSize > buf.length) throw new AnnotateError('corrupt');
    out.push({
      name,
      nameBytes,
      method,
      flags,
      crc,
      compressedSize,
      size,
      time,
      date,
      data: buf.subarray(start, start + compressedSize),
      externalAttrs,
      versionMadeBy,
    });
  }
  return out;
}

/** The uncompressed bytes of an entry. */
export function entryBytes(e: ZipEntry): Uint8Array {
  if (e.size > MAX_PART_SIZE) throw new AnnotateError('part-too-large', e.name);
  if (e.method === 0) return e.data;
  if (e.method !== 8) throw new AnnotateError('corrupt', e.name);
  try {
    return inflateSync(e.data, { out: new Uint8Array(e.size) });
  } catch {
    throw new AnnotateError('corrupt', e.name);
  }
}

/** An entry's text, decoded as its XML declaration says (the reader read it so); re-encoded as UTF-8 when written. */
export function entryText(e: ZipEntry): string {
  return decodePart(entryBytes(e), { part: e.name });
}

/** A new entry for the writer. */
export function newEntry(name: string, content: Uint8Array | string, like?: ZipEntry): ZipEntry {
  const bytes = typeof content === 'string' ? strToU8(content) : content;
  const data = deflateSync(bytes, { level: 6 });
  // A replaced entry keeps its stored name bytes (and their encoding flag).
  const nameBytes = like?.nameBytes ?? strToU8(name);
  const utf8 = like ? like.flags & 0x800 : nameBytes.length === name.length ? 0 : 0x800;
  return {
    name,
    nameBytes,
    method: 8,
    flags: utf8,
    crc: crc32(bytes),
    compressedSize: data.length,
    size: bytes.length,
    time: like?.time ?? 0,
    date: like?.date ?? 0x21, // 1980-01-01
    data,
    externalAttrs: like?.externalAttrs ?? 0,
    versionMadeBy: like?.versionMadeBy ?? 20,
  };
}

/** Writes entries (in order) into a fresh zip. Existing entries keep their compressed bytes. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  let total = 22;
  for (const e of entries) total += 30 + e.nameBytes.length + e.data.length + 46 + e.nameBytes.length;
  const out = new Uint8Array(total);
  const w16 = (o: number, v: number): void => {
    out[o] = v & 0xff;
    out[o + 1] = (v >>> 8) & 0xff;
  };
  const w32 = (o: number, v: number): void => {
    w16(o, v & 0xffff);
    w16(o + 2, (v >>> 16) & 0xffff);
  };
  let p = 0;
  const offsets: number[] = [];
  // Data descriptors are dropped (sizes go in the local header), so bit 3 is cleared.
  const flagsOf = (e: ZipEntry): number => e.flags & ~0x8;
  for (const e of entries) {
    offsets.push(p);
    w32(p, 0x04034b50);
    w16(p + 4, 20);
    w16(p + 6, flagsOf(e));
    w16(p + 8, e.method);
    w16(p + 10, e.time);
    w16(p + 12, e.date);
    w32(p + 14, e.crc);
    w32(p + 18, e.compressedSize);
    w32(p + 22, e.size);
    w16(p + 26, e.nameBytes.length);
    w16(p + 28, 0);
    out.set(e.nameBytes, p + 30);
    p += 30 + e.nameBytes.length;
    out.set(e.data, p);
    p += e.data.length;
  }
  const cd = p;
  entries.forEach((e, i) => {
    w32(p, 0x02014b50);
    w16(p + 4, e.versionMadeBy);
    w16(p + 6, 20);
    w16(p + 8, flagsOf(e));
    w16(p + 10, e.method);
    w16(p + 12, e.time);
    w16(p + 14, e.date);
    w32(p + 16, e.crc);
    w32(p + 20, e.compressedSize);
    w32(p + 24, e.size);
    w16(p + 28, e.nameBytes.length);
    w16(p + 30, 0);
    w16(p + 32, 0);
    w16(p + 34, 0);
    w16(p + 36, 0);
    w32(p + 38, e.externalAttrs);
    w32(p + 42, offsets[i]!);
    out.set(e.nameBytes, p + 46);
    p += 46 + e.nameBytes.length;
  });
  w32(p, 0x06054b50);
  w16(p + 8, entries.length);
  w16(p + 10, entries.length);
  w32(p + 12, p - cd);
  w32(p + 16, cd);
  return out;
}
