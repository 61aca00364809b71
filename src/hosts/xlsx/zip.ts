/**
 * A bounded reader of ZIP packages (the container of .xlsx), for Node and the browser alike.
 * It reads the central directory, checks the entry count before anything is unpacked, and
 * inflates one entry at a time as a stream with a running byte count, stopping at the limit
 * (so a zip bomb costs no more than the limit, whatever its entries claim).
 */
import { Inflate, inflateSync } from 'fflate';
import { XlsxReadError } from './errors';
import { crc32Update } from './crc32';

export interface ZipEntry {
  /** Name as stored (forward slashes, no leading slash). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** As declared by the central directory: a hint, never trusted for safety. */
  readonly declaredSize: number;
  readonly localOffset: number;
  /** CRC-32 of the uncompressed bytes, as the central directory records it (checked after inflating). */
  readonly crc: number;
}

/** Running totals shared by every entry read from one package. */
export interface ZipBudget {
  readonly maxUncompressedBytes: number;
  /** Bytes unpacked so far. */
  used: number;
  /** Called between chunks: reads the clock, throws when time is up. */
  readonly tick: () => void;
  /** Counts work done (bytes or characters handled) and reads the clock every so much work. */
  readonly work: (units: number) => void;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

/** Whether the bytes hold the UTF-16LE form of `name` (a CFB directory entry name). */
function hasUtf16Name(b: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const n = name.length * 2;
  for (let i = 0; i + n <= b.length; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    let ok = true;
    for (let k = 1; k < name.length; k++) {
      if (b[i + 2 * k] !== name.charCodeAt(k) || b[i + 2 * k + 1] !== 0) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/**
 * Recognises what the bytes are before any unpacking: empty, an OLE compound file (old .xls,
 * or an encrypted OOXML package, which Office stores in a CFB with an EncryptionInfo stream),
 * or not a zip at all. Throws the matching XlsxReadError; returns when it looks like a zip.
 */
export function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new XlsxReadError('empty-file');
  if (startsWith(bytes, CFB_SIGNATURE)) {
    if (hasUtf16Name(bytes, 'EncryptionInfo') || hasUtf16Name(bytes, 'EncryptedPackage')) {
      throw new XlsxReadError('encrypted');
    }
    throw new XlsxReadError('xls-binary');
  }
  const sig = u32(bytes, 0);
  if (bytes.length < 4 || (sig !== SIG_LOCAL && sig !== SIG_EOCD)) throw new XlsxReadError('not-zip');
}

/** Reads the central directory. Throws `corrupt-zip` (truncated, bad offsets) or `entries`. */
export function listEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  let eocd = -1;
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxReadError('corrupt-zip', { detail: 'no end-of-central-directory record (truncated?)' });
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === SIG_EOCD64_LOCATOR) {
      const e64 = u64(bytes, loc + 8);
      if (e64 + 56 > bytes.length || u32(bytes, e64) !== SIG_EOCD64) {
        throw new XlsxReadError('corrupt-zip', { detail: 'bad zip64 end record' });
      }
      count = u64(bytes, e64 + 32);
      cdSize = u64(bytes, e64 + 40);
      cdOffset = u64(bytes, e64 + 48);
    }
  }
  if (count > maxEntries) throw new XlsxReadError('limit-exceeded', { limit: 'entries', max: maxEntries });
  if (cdOffset + cdSize > bytes.length) {
    throw new XlsxReadError('corrupt-zip', { detail: 'central directory beyond the end of the file (truncated?)' });
  }
  const decoder = new TextDecoder('utf-8');
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) {
      throw new XlsxReadError('corrupt-zip', { detail: `bad central directory entry ${i}` });
    }
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let declaredSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    // zip64 extra field (id 1) when a size or offset is saturated
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff) {
      let x = p + 46 + nameLen;
      const end = x + extraLen;
      while (x + 4 <= end) {
        const id = u16(bytes, x);
        const len = u16(bytes, x + 2);
        if (id === 1) {
          let q = x + 4;
          if (declaredSize === 0xffffffff) {
            declaredSize = u64(bytes, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, q);
            q += 8;
          }
          if (localOffset === 0xffffffff) {
            localOffset = u64(bytes, q);
          }
          break;
        }
        x += 4 + len;
      }
    }
    const name = decoder.decode(nameBytes).replace(/\\/g, '/').replace(/^\/+/, '');
    out.push({ name, method, flags, compressedSize, declaredSize, localOffset, crc });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Compressed bytes per inflate step: small while the output/input ratio looks like a bomb. */
const CHUNK = 4 * 1024;
const CHUNK_MAX = 64 * 1024;
/** Entries up to this declared size may be inflated in one call (see streamEntry). */
const FAST_MAX = 64 * 1024 * 1024;

/**
 * Unpacks one entry as a stream: `onChunk` receives the bytes as they are inflated. The running
 * count is checked after every chunk, so at most one chunk's expansion passes the limit. The
 * entry's CRC-32 is computed over the chunks and checked at the end: a flipped byte that still
 * inflates (a damaged copy, a stored entry) is `crc-mismatch`, never text with U+FFFD in it.
 */
export function streamEntry(bytes: Uint8Array, entry: ZipEntry, budget: ZipBudget, onChunk: (chunk: Uint8Array) => void): void {
  const lo = entry.localOffset;
  if (lo + 30 > bytes.length || u32(bytes, lo) !== SIG_LOCAL) {
    throw new XlsxReadError('corrupt-zip', { part: entry.name, detail: 'bad local header' });
  }
  if (entry.flags & 1) throw new XlsxReadError('encrypted');
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length)
    throw new XlsxReadError('corrupt-zip', { part: entry.name, detail: 'entry data beyond the end of the file (truncated?)' });
  let crc = 0;
  const count = (chunk: Uint8Array): void => {
    budget.used += chunk.length;
    if (budget.used > budget.maxUncompressedBytes) {
      throw new XlsxReadError('limit-exceeded', { limit: 'uncompressed-size', max: budget.maxUncompressedBytes, part: entry.name });
    }
    crc = crc32Update(crc, chunk);
    onChunk(chunk);
  };
  const verify = (): void => {
    if (crc !== entry.crc) {
      throw new XlsxReadError('crc-mismatch', {
        part: entry.name,
        detail: `CRC-32 ${crc.toString(16)}, the directory says ${entry.crc.toString(16)}`,
      });
    }
  };
  if (entry.method === 0) {
    for (let p = start; p < end; p += CHUNK * 64) {
      budget.tick();
      count(bytes.subarray(p, Math.min(end, p + CHUNK * 64)));
    }
    verify();
    return;
  }
  if (entry.method !== 8) {
    throw new XlsxReadError('corrupt-zip', { part: entry.name, detail: `unsupported compression method ${entry.method}` });
  }
  // Fast path: an entry whose declared size fits the budget is inflated in one call into a buffer
  // of that size plus one byte. Output beyond the buffer is dropped by the typed array, so a
  // directory that lies costs no more than it declared; a full buffer means it may have lied, and
  // the entry is read again as a stream with the running count.
  if (entry.declaredSize <= FAST_MAX && budget.used + entry.declaredSize <= budget.maxUncompressedBytes && start < end) {
    let out: Uint8Array | null;
    try {
      out = inflateSync(bytes.subarray(start, end), { out: new Uint8Array(entry.declaredSize + 1) });
    } catch {
      out = null; // damaged: the stream below names the failure as before
    }
    if (out !== null && out.length <= entry.declaredSize) {
      budget.tick();
      if (out.length > 0) count(out);
      verify();
      return;
    }
  }
  let produced = 0;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (chunk.length > 0) count(chunk);
  });
  try {
    if (start === end) {
      inflate.push(new Uint8Array(0), true);
      verify();
      return;
    }
    // Steps grow (up to 64 KB) while each expands less than 64×, and fall back to 4 KB when one
    // expands more: a bomb's output is checked at least every ~4 MB.
    let step = CHUNK;
    for (let p = start; p < end;) {
      budget.tick();
      const q = Math.min(end, p + step);
      produced = 0;
      inflate.push(bytes.subarray(p, q), q === end);
      const ratio = produced / (q - p);
      step = ratio > 64 ? CHUNK : Math.min(CHUNK_MAX, step * 2);
      p = q;
    }
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError('corrupt-zip', { part: entry.name, detail: e instanceof Error ? e.message : String(e) });
  }
  verify();
}
