/**
 * BIFF8 records and strings of the Workbook stream ([MS-XLS] §2.1.4 "Record", §2.5.294
 * "XLUnicodeString", §2.5.293 "XLUnicodeRichExtendedString"):
 * https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-xls/
 *
 * A record is a 2-byte type, a 2-byte size and at most 8,224 bytes of data; a structure longer
 * than that goes on in Continue records (§2.4.58), and a string's characters start each Continue
 * record with a new fHighByte flag. All reads are checked against the data they come from:
 * a short record is damage (XlsxReadError 'xls-damaged'), never an out-of-range read.
 */
import { XlsxReadError } from '../xlsx/errors';

/** Record types used by the reader ([MS-XLS] §2.3 "Record Enumeration"). */
export const RT = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  DATE1904: 0x0022,
  BOUNDSHEET8: 0x0085,
  FORMAT: 0x041e,
  XF: 0x00e0,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BLANK: 0x0201,
  MULBLANK: 0x00be,
  MERGECELLS: 0x00e5,
  PROTECT: 0x0012,
  OBJ: 0x005d,
  TXO: 0x01b6,
} as const;

/** The BOF records of BIFF2, BIFF3 and BIFF4 ([MS-XLS] does not describe them; their type says the version). */
export const OLD_BOF: ReadonlySet<number> = new Set([0x0009, 0x0209, 0x0409]);

/** [MS-XLS] §2.4.21 BOF: vers 0x0600 is BIFF8. */
export const BIFF8 = 0x0600;

export function damaged(detail: string): XlsxReadError {
  return new XlsxReadError('xls-damaged', { part: 'Workbook', detail });
}

export function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

export function f64(b: Uint8Array, o: number): number {
  return new DataView(b.buffer, b.byteOffset + o, 8).getFloat64(0, true);
}

/** One record: its type and its data (a view into the stream). */
export interface BiffRecord {
  readonly type: number;
  /** Offset of the record's header in the stream. */
  readonly at: number;
  readonly data: Uint8Array;
}

/** Walks the records of a stream from an offset; `next` is undefined at the end of the stream. */
export class RecordCursor {
  constructor(
    private readonly stream: Uint8Array,
    public pos: number,
  ) {}

  next(): BiffRecord | undefined {
    const s = this.stream;
    if (this.pos + 4 > s.length) return undefined;
    const type = u16(s, this.pos);
    const size = u16(s, this.pos + 2);
    // [MS-XLS] §2.1.4 allows 8,224 bytes; writers other than Excel may write longer records, which are
    // read as long as they fit in the stream (the size is 16 bits: never more than 64 KB)
    if (this.pos + 4 + size > s.length) throw damaged(`record 0x${type.toString(16)} at ${this.pos} runs past the end of the stream`);
    const rec = { type, at: this.pos, data: s.subarray(this.pos + 4, this.pos + 4 + size) };
    this.pos += 4 + size;
    return rec;
  }

  /** The data of the Continue records that follow, consumed. */
  continues(): Uint8Array[] {
    const out: Uint8Array[] = [];
    while (this.pos + 4 <= this.stream.length && u16(this.stream, this.pos) === RT.CONTINUE) out.push(this.next()!.data);
    return out;
  }
}

/**
 * How the 8-bit ("compressed") characters of strings are read. [MS-XLS] §2.5.294: they are the
 * low bytes of UTF-16 code units (Latin-1), which is what Excel writes (CODEPAGE 1200). Files
 * from other writers that declare an ANSI code page (936 GBK, …) are read in that code page.
 */
export interface Charset {
  /** The decoder for bytes ≥ 0x80 in 8-bit strings; undefined: Latin-1. */
  readonly ansi?: TextDecoder;
}

const UTF16 = new TextDecoder('utf-16le');

function latin1(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode(...b.subarray(o + i, o + Math.min(n, i + 4096)));
  return s;
}

function decodeChars(b: Uint8Array, o: number, cch: number, high: boolean, cs: Charset): string {
  if (high) return UTF16.decode(b.subarray(o, o + 2 * cch));
  if (cs.ansi) {
    const part = b.subarray(o, o + cch);
    if (part.some((x) => x >= 0x80)) return cs.ansi.decode(part);
  }
  return latin1(b, o, cch);
}

/** [MS-XLS] §2.5.294 XLUnicodeString (2-byte count) or §2.5.240 ShortXLUnicodeString (1-byte count) at `o`. */
export function readString(b: Uint8Array, o: number, countBytes: 1 | 2, cs: Charset): { text: string; end: number } {
  if (o + countBytes + 1 > b.length) throw damaged(`string header at ${o} past the record's end`);
  const cch = countBytes === 1 ? b[o]! : u16(b, o);
  const high = (b[o + countBytes]! & 1) === 1;
  const start = o + countBytes + 1;
  const end = start + (high ? 2 * cch : cch);
  if (end > b.length) throw damaged(`string of ${cch} characters at ${o} past the record's end`);
  return { text: decodeChars(b, start, cch, high, cs), end };
}

/**
 * A record's data followed by its Continue records, read as one structure: bytes run on across
 * the boundaries, and characters re-read the fHighByte flag at the start of each continuation
 * ([MS-XLS] §2.5.293: "A value from the table for fHighByte MUST be specified in the first byte
 * of the continue field of the Continue record").
 */
export class Continued {
  private seg = 0;
  private pos = 0;

  constructor(private readonly segs: readonly Uint8Array[]) {}

  /** Whether every byte has been read. */
  done(): boolean {
    while (this.seg < this.segs.length && this.pos >= this.segs[this.seg]!.length) {
      this.seg++;
      this.pos = 0;
    }
    return this.seg >= this.segs.length;
  }

  private byte(): number {
    if (this.done()) throw damaged('string table ends inside a string');
    return this.segs[this.seg]![this.pos++]!;
  }

  u8(): number {
    return this.byte();
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  /** Skips n bytes (rich-text runs, phonetic data), across boundaries. */
  skip(n: number): void {
    let left = n;
    while (left > 0) {
      if (this.done()) throw damaged('string table ends inside a string');
      const here = Math.min(left, this.segs[this.seg]!.length - this.pos);
      this.pos += here;
      left -= here;
    }
  }

  /**
   * cch characters, the first run in `high`. When a record ends while characters remain (also
   * right after the header), the next record's first byte is a new fHighByte flag.
   */
  chars(cch: number, high: boolean, cs: Charset): string {
    let s = '';
    let left = cch;
    let wide = high;
    while (left > 0) {
      let seg = this.segs[this.seg];
      if (seg === undefined) throw damaged('string table ends inside a string');
      if (this.pos >= seg.length) {
        this.seg++;
        seg = this.segs[this.seg];
        if (seg === undefined || seg.length === 0) throw damaged('string table ends inside a string');
        wide = (seg[0]! & 1) === 1;
        this.pos = 1;
        continue;
      }
      const room = seg.length - this.pos;
      const n = Math.min(left, wide ? room >> 1 : room);
      if (n === 0) throw damaged('a string character is split across records');
      s += decodeChars(seg, this.pos, n, wide, cs);
      this.pos += wide ? 2 * n : n;
      left -= n;
    }
    return s;
  }
}
