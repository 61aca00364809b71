/**
 * Builds small .xls files by hand for the reader's tests: a version 3 Compound File ([MS-CFB])
 * around streams, and BIFF8 records ([MS-XLS]) for the Workbook stream. Written from the
 * specifications (the sections are cited in src/hosts/xls), not from a library, so that a test
 * can place a record boundary, a flag byte or a FAT entry exactly where it wants.
 */

const SECTOR = 512;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
}

function put32(b: Uint8Array, o: number, v: number): void {
  put16(b, o, v & 0xffff);
  put16(b, o + 2, (v >>> 16) & 0xffff);
}

export interface Stream {
  readonly name: string;
  readonly data: Uint8Array;
}

export interface Cfb {
  readonly bytes: Uint8Array;
  /** File offset of the FAT's first sector (the FAT's sectors are 0, 1, … and contiguous). */
  readonly fatAt: number;
  /** First sector of each stream stored in regular sectors (4,096 bytes or more). */
  readonly start: ReadonlyMap<string, number>;
}

/** A version 3 compound file: streams under 4,096 bytes in the mini stream, the others in sectors. */
export function cfbFile(streams: readonly Stream[]): Cfb {
  const small = streams.filter((s) => s.data.length < 4096);
  const big = streams.filter((s) => s.data.length >= 4096);
  // mini stream: each small stream in whole 64-byte mini sectors
  const miniStarts = new Map<string, number>();
  const miniFat: number[] = [];
  const miniParts: Uint8Array[] = [];
  for (const s of small) {
    const n = Math.ceil(s.data.length / 64);
    miniStarts.set(s.name, n === 0 ? ENDOFCHAIN : miniFat.length);
    for (let i = 0; i < n; i++) miniFat.push(i === n - 1 ? ENDOFCHAIN : miniFat.length + 1);
    const padded = new Uint8Array(n * 64);
    padded.set(s.data);
    miniParts.push(padded);
  }
  const mini = concat(miniParts);
  const dirSectors = Math.ceil(((streams.length + 1) * 128) / SECTOR);
  const miniFatSectors = Math.ceil((miniFat.length * 4) / SECTOR);
  const miniSectors = Math.ceil(mini.length / SECTOR);
  // layout: FAT (sectors 0…), directory, mini FAT, mini stream, then each big stream
  const dataSectors = dirSectors + miniFatSectors + miniSectors + big.reduce((n, s) => n + Math.ceil(s.data.length / SECTOR), 0);
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('test file too large for the header DIFAT');
  let next = fatSectors;
  const chainOf = (n: number): number => {
    const first = next;
    next += n;
    return n === 0 ? ENDOFCHAIN : first;
  };
  const dirStart = chainOf(dirSectors);
  const miniFatStart = chainOf(miniFatSectors);
  const miniStart = chainOf(miniSectors);
  const start = new Map<string, number>();
  for (const s of big) start.set(s.name, chainOf(Math.ceil(s.data.length / SECTOR)));
  const total = next;
  const bytes = new Uint8Array(SECTOR * (total + 1));
  // header ([MS-CFB] §2.2)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  put16(bytes, 24, 0x3e);
  put16(bytes, 26, 3);
  put16(bytes, 28, 0xfffe);
  put16(bytes, 30, 9);
  put16(bytes, 32, 6);
  put32(bytes, 44, fatSectors);
  put32(bytes, 48, dirStart);
  put32(bytes, 56, 4096);
  put32(bytes, 60, miniFatStart);
  put32(bytes, 64, miniFatSectors);
  put32(bytes, 68, ENDOFCHAIN);
  put32(bytes, 72, 0);
  for (let i = 0; i < 109; i++) put32(bytes, 76 + 4 * i, i < fatSectors ? i : FREESECT);
  const at = (sector: number): number => (sector + 1) * SECTOR;
  // FAT ([MS-CFB] §2.3)
  const fatAt = at(0);
  for (let i = 0; i < (fatSectors * SECTOR) / 4; i++) put32(bytes, fatAt + 4 * i, i < fatSectors ? FATSECT : FREESECT);
  const chain = (first: number, n: number): void => {
    for (let i = 0; i < n; i++) put32(bytes, fatAt + 4 * (first + i), i === n - 1 ? ENDOFCHAIN : first + i + 1);
  };
  chain(dirStart, dirSectors);
  chain(miniFatStart, miniFatSectors);
  chain(miniStart, miniSectors);
  for (const s of big) chain(start.get(s.name)!, Math.ceil(s.data.length / SECTOR));
  // mini FAT and mini stream
  if (miniFatSectors > 0) {
    for (let i = 0; i < (miniFatSectors * SECTOR) / 4; i++) put32(bytes, at(miniFatStart) + 4 * i, miniFat[i] ?? FREESECT);
    bytes.set(mini, at(miniStart));
  }
  for (const s of big) bytes.set(s.data, at(start.get(s.name)!));
  // directory ([MS-CFB] §2.6): root, then the streams as a chain of right siblings
  const entry = (i: number, name: string, type: number, right: number, child: number, first: number, size: number): void => {
    const o = at(dirStart) + 128 * i;
    for (let k = 0; k < name.length; k++) put16(bytes, o + 2 * k, name.charCodeAt(k));
    put16(bytes, o + 64, 2 * (name.length + 1));
    bytes[o + 66] = type;
    bytes[o + 67] = 1;
    put32(bytes, o + 68, NOSTREAM);
    put32(bytes, o + 72, right);
    put32(bytes, o + 76, child);
    put32(bytes, o + 116, first);
    put32(bytes, o + 120, size);
  };
  entry(0, 'Root Entry', 5, NOSTREAM, streams.length > 0 ? 1 : NOSTREAM, miniSectors > 0 ? miniStart : ENDOFCHAIN, mini.length);
  streams.forEach((s, i) => {
    const first = s.data.length >= 4096 ? start.get(s.name)! : miniStarts.get(s.name)!;
    entry(i + 1, s.name, 2, i + 1 < streams.length ? i + 2 : NOSTREAM, NOSTREAM, first, s.data.length);
  });
  for (let i = streams.length + 1; i < (dirSectors * SECTOR) / 128; i++) {
    const o = at(dirStart) + 128 * i;
    put32(bytes, o + 68, NOSTREAM);
    put32(bytes, o + 72, NOSTREAM);
    put32(bytes, o + 76, NOSTREAM);
  }
  return { bytes, fatAt, start };
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Little-endian bytes: numbers as u16 unless given as [value, width]. */
export function le(...values: (number | [number, 1 | 2 | 4])[]): Uint8Array {
  const out: number[] = [];
  for (const v of values) {
    const [n, w] = typeof v === 'number' ? [v, 2] : v;
    for (let i = 0; i < w; i++) out.push((n >>> (8 * i)) & 0xff);
  }
  return Uint8Array.from(out);
}

export function f64le(v: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return b;
}

/** One record ([MS-XLS] §2.1.4): type, size, data. */
export function record(type: number, ...data: Uint8Array[]): Uint8Array {
  const body = concat(data);
  return concat([le(type, body.length), body]);
}

/** 8-bit (fHighByte 0) or UTF-16 characters, without a header. */
export function chars(text: string, wide: boolean): Uint8Array {
  if (!wide) return Uint8Array.from({ length: text.length }, (_, i) => text.charCodeAt(i) & 0xff);
  const out = new Uint8Array(2 * text.length);
  for (let i = 0; i < text.length; i++) put16(out, 2 * i, text.charCodeAt(i));
  return out;
}

/** XLUnicodeString ([MS-XLS] §2.5.294), UTF-16 unless every character is Latin-1. */
export function xlString(text: string, countBytes: 1 | 2 = 2): Uint8Array {
  let wide = false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) wide = true;
  const count = countBytes === 1 ? Uint8Array.of(text.length) : le(text.length);
  return concat([count, Uint8Array.of(wide ? 1 : 0), chars(text, wide)]);
}

export const BOF_GLOBALS = record(0x0809, le(0x0600, 0x0005, 0, 0), le([0, 4], [0, 4]));
export const BOF_SHEET = record(0x0809, le(0x0600, 0x0010, 0, 0), le([0, 4], [0, 4]));
export const EOF = record(0x000a);

export interface SheetSpec {
  readonly name: string;
  /** 0 visible, 1 hidden, 2 very hidden. */
  readonly hs?: number;
  /** The sheet's records between its BOF and EOF. */
  readonly records: readonly Uint8Array[];
}

/**
 * A Workbook stream: BOF, the given globals records, one BoundSheet8 per sheet (offsets filled
 * in), EOF, then each sheet's substream.
 */
export function workbookStream(globals: readonly Uint8Array[], sheets: readonly SheetSpec[]): Uint8Array {
  const bound = (s: SheetSpec, at: number): Uint8Array => record(0x0085, le([at, 4]), Uint8Array.of(s.hs ?? 0, 0), xlString(s.name, 1));
  const head = concat([BOF_GLOBALS, ...globals]);
  const boundLen = sheets.reduce((n, s) => n + bound(s, 0).length, 0);
  let at = head.length + boundLen + EOF.length;
  const bodies = sheets.map((s) => concat([BOF_SHEET, ...s.records, EOF]));
  const bounds = sheets.map((s, i) => {
    const b = bound(s, at);
    at += bodies[i]!.length;
    return b;
  });
  return concat([head, ...bounds, EOF, ...bodies]);
}

/** An .xls file of one Workbook stream. */
export function xlsFile(stream: Uint8Array, extra: readonly Stream[] = []): Cfb {
  return cfbFile([{ name: 'Workbook', data: stream }, ...extra]);
}

/** Cell records ([MS-XLS] §2.4.149 LabelSst, §2.4.180 Number, §2.4.220 RK). */
export const cell = {
  sst: (row: number, col: number, isst: number, xf = 15): Uint8Array => record(0x00fd, le(row, col, xf, [isst, 4])),
  number: (row: number, col: number, v: number, xf = 15): Uint8Array => record(0x0203, le(row, col, xf), f64le(v)),
  rk: (row: number, col: number, rk: number, xf = 15): Uint8Array => record(0x027e, le(row, col, xf, [rk, 4])),
  label: (row: number, col: number, text: string, xf = 15): Uint8Array => record(0x0204, le(row, col, xf), xlString(text)),
};

/** An SST record of these strings, all in one record ([MS-XLS] §2.4.265). */
export function sst(strings: readonly string[]): Uint8Array {
  return record(0x00fc, le([strings.length, 4], [strings.length, 4]), ...strings.map((s) => xlString(s)));
}
