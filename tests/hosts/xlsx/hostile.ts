/**
 * Builders of small, hostile and minimal workbook packages for the reader and CLI tests. Everything
 * is made in memory: no fixture needs to be trusted, and each test says what it builds.
 */
import { deflateRawSync, inflateRawSync, constants } from 'node:zlib';
import { crc32 } from '../../../src/hosts/xlsx/crc32';
import { zipSync, strToU8 } from 'fflate';

export type Entries = Record<string, string | Uint8Array>;

/** A zip of the given entries (fflate). */
export function zip(entries: Entries): Uint8Array {
  const z: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(entries)) z[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(z);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The worksheet part's XML (complete), or the inside of <sheetData> when `data` is used. */
  xml?: string;
  data?: string;
  /** XML after </sheetData> (mergeCells, sheetProtection...). */
  after?: string;
  state?: 'hidden' | 'veryHidden';
}

export function sheetXml(data: string, after = '', before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}">${before}<sheetData>${data}</sheetData>${after}</worksheet>`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** The parts of a minimal valid workbook with the given sheets (inline strings only). */
export function workbookEntries(sheets: SheetSpec[], extra: Entries = {}): Entries {
  const e: Entries = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
  };
  sheets.forEach((s, i) => {
    e[`xl/worksheets/sheet${i + 1}.xml`] = s.xml ?? sheetXml(s.data ?? '', s.after ?? '');
  });
  return { ...e, ...extra };
}

export function workbook(sheets: SheetSpec[], extra: Entries = {}): Uint8Array {
  return zip(workbookEntries(sheets, extra));
}

/** An inline-string cell. */
export function str(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
}

/** A minimal OLE compound file header followed by directory entry names (UTF-16LE). */
export function cfb(streamNames: string[]): Uint8Array {
  const header = new Uint8Array(512);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const dir = new Uint8Array(128 * (streamNames.length + 1));
  streamNames.forEach((name, i) => {
    const off = 128 * (i + 1);
    for (let k = 0; k < name.length; k++) {
      dir[off + 2 * k] = name.charCodeAt(k);
      dir[off + 2 * k + 1] = 0;
    }
  });
  const out = new Uint8Array(header.length + dir.length);
  out.set(header, 0);
  out.set(dir, header.length);
  return out;
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

export interface RawEntry {
  name: string;
  /** Raw DEFLATE data (method 8). */
  deflated: Uint8Array;
  /** The uncompressed size the directory claims (may lie). */
  declaredSize: number;
  /** The CRC-32 the headers claim; by default that of the inflated data (0 for a bomb too large to inflate here). */
  crc?: number;
}

function crcOf(deflated: Uint8Array): number {
  try {
    return crc32(new Uint8Array(inflateRawSync(deflated, { maxOutputLength: 16 << 20 })));
  } catch {
    return 0;
  }
}

/** A zip written by hand, so an entry can declare any size or checksum, and a name can repeat. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: number[][] = [];
  const bodies: Uint8Array[] = [];
  const central: number[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  for (const e of entries) {
    const name = enc.encode(e.name);
    const crc = e.crc ?? crcOf(e.deflated);
    const local = [
      ...u32(0x04034b50),
      ...u16(20),
      ...u16(0),
      ...u16(8),
      ...u16(0),
      ...u16(0),
      ...u32(crc),
      ...u32(e.deflated.length),
      ...u32(e.declaredSize),
      ...u16(name.length),
      ...u16(0),
      ...name,
    ];
    central.push(
      ...u32(0x02014b50),
      ...u16(20),
      ...u16(20),
      ...u16(0),
      ...u16(8),
      ...u16(0),
      ...u16(0),
      ...u32(crc),
      ...u32(e.deflated.length),
      ...u32(e.declaredSize),
      ...u16(name.length),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(offset),
      ...name,
    );
    chunks.push(local);
    bodies.push(e.deflated);
    offset += local.length + e.deflated.length;
  }
  const eocd = [
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(entries.length),
    ...u16(entries.length),
    ...u32(central.length),
    ...u32(offset),
    ...u16(0),
  ];
  const total = offset + central.length + eocd.length;
  const out = new Uint8Array(total);
  let p = 0;
  chunks.forEach((c, i) => {
    out.set(c, p);
    p += c.length;
    out.set(bodies[i]!, p);
    p += bodies[i]!.length;
  });
  out.set(central, p);
  p += central.length;
  out.set(eocd, p);
  return out;
}

export function deflate(s: string | Uint8Array): Uint8Array {
  return new Uint8Array(deflateRawSync(typeof s === 'string' ? Buffer.from(s) : s));
}

/**
 * A deflate stream that inflates to `prefix` + `megabytes` MiB of spaces + `suffix`, made in
 * milliseconds: one full-flushed megabyte block repeated, then a final block.
 */
export function bombStream(megabytes: number, prefix: string, suffix: string): Uint8Array {
  const head = deflateRawSync(Buffer.from(prefix), { finishFlush: constants.Z_FULL_FLUSH });
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const tail = deflateRawSync(Buffer.from(suffix));
  const out = new Uint8Array(head.length + block.length * megabytes + tail.length);
  out.set(head, 0);
  for (let i = 0; i < megabytes; i++) out.set(block, head.length + i * block.length);
  out.set(tail, head.length + block.length * megabytes);
  return out;
}

/** A workbook whose one sheet part inflates to about `megabytes` MiB; the directory may lie about it. */
export function zipBomb(megabytes: number, lie: boolean): Uint8Array {
  const entries = workbookEntries([{ name: 'Sheet1' }]);
  const raw: RawEntry[] = [];
  for (const [name, v] of Object.entries(entries)) {
    if (name === 'xl/worksheets/sheet1.xml') continue;
    const bytes = typeof v === 'string' ? Buffer.from(v) : v;
    raw.push({ name, deflated: deflate(bytes), declaredSize: bytes.length });
  }
  const prefix = `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>`;
  const suffix = '</sheetData></worksheet>';
  raw.push({
    name: 'xl/worksheets/sheet1.xml',
    deflated: bombStream(megabytes, prefix, suffix),
    declaredSize: lie ? 1000 : megabytes * 1048576 + prefix.length + suffix.length,
  });
  return rawZip(raw);
}
