/**
 * The record of what the add-in added to the workbook (fills, notes, marks of filled values),
 * stored in the workbook itself so that 清除标记 works after the pane was closed and the file
 * reopened:
 * - in the workbook's settings (ExcelApi 1.4) while it is small;
 * - past RECORD_SETTING_MAX characters, in custom XML parts (ExcelApi 1.5, the documented place
 *   for larger add-in data), cut into parts of at most RECORD_PART_CHARS, with the setting
 *   pointing at the set of parts in use (each part is its own request if need be: Excel on the
 *   web refuses requests over 5 MB);
 * - where settings are missing, in a very hidden sheet (made hidden again before it is deleted:
 *   Excel refuses to delete a very hidden sheet).
 * The record is read in the batch that lists the sheets, and written as units of the flag
 * batches (./batches), so it costs no sync of its own; a record in XML parts costs one read sync.
 */
import { type XlContext, type XlCustomXmlPart, type XlRange, type XlSetting, type XlWorksheet } from './api';
import { runUnits, wireLength, type Unit } from './batches';
import type { HostCaps } from './caps';

export const FLAG_SETTING_KEY = 'disclosure-check.flags';
/** The fallback store: a very hidden sheet, column A, the JSON record cut into pieces. */
export const FLAG_SHEET = '_disclosure_check_标记';
/** Namespace of the custom XML parts holding a large record. */
export const FLAG_XML_NAMESPACE = 'urn:disclosure-check:flags';
/** Characters of record JSON kept in the setting; a longer record goes into XML parts. */
export const RECORD_SETTING_MAX = 64 * 1024;
/** Characters of record JSON per XML part (far under the 5 MB request limit). */
export const RECORD_PART_CHARS = 512 * 1024;
const PIECE = 30000; // a cell holds at most 32,767 characters

/**
 * A fill as it was before flagging. Pattern 'None' is no fill. Otherwise the pattern as Excel
 * read it (null: Excel did not say, a solid fill; the pattern is then never changed), the base
 * colour (for a tinted colour, the colour before the tint: see flags.ts), the pattern colour of
 * a patterned fill, and the tint.
 */
export interface SavedFill {
  readonly pattern: string | null;
  readonly color?: string;
  readonly patternColor?: string | null;
  readonly tintAndShade?: number | null;
}

/** A value the add-in wrote (填入), marked on its cell until the value changes or 清除标记. */
export interface FilledMark {
  readonly sheet: string;
  readonly cell: string;
  /** The value written, as text. */
  readonly value: string;
  /** The rule whose fix wrote it (school-code-missing…). */
  readonly rule: string;
  /** Where the value came from: the registry sheet. */
  readonly source?: string;
  /** …in another file (settings: 学校名录来自其他文件). */
  readonly sourceFile?: string;
}

export interface FlagEntry {
  readonly sheet: string;
  /** A1. */
  readonly cell: string;
  /** The fill before flagging; absent when the fill was left alone (a gradient cannot be restored). */
  readonly fill?: SavedFill;
  /** The colour the add-in set. */
  readonly color?: string;
  /**
   * The note the add-in wrote (its hash; `written` in records of earlier versions) and the note
   * that was there before (absent: none).
   */
  readonly note?: { readonly hash?: string; readonly written?: string; readonly original?: string };
  /** The cell holds a value the add-in filled in. */
  readonly filled?: Omit<FilledMark, 'sheet' | 'cell'>;
}

export interface FlagRecord {
  readonly version: 1;
  readonly entries: readonly FlagEntry[];
}

/**
 * A cell value as text, `empty` for an empty cell. Excel gives strings, numbers and booleans;
 * anything else is shown as String() would show an object.
 */
export function cellText(v: unknown, empty = ''): string {
  if (v === null || v === undefined) return empty;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return Object.prototype.toString.call(v);
}

/** A short, stable fingerprint of a note's text (the record need not hold the text itself). */
export function textHash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x85ebca6b);
    h2 ^= h2 >>> 13;
  }
  return `${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}.${s.length}`;
}

export function parseRecord(json: unknown): FlagRecord | null {
  if (typeof json !== 'string' || json === '') return null;
  try {
    const v = JSON.parse(json) as { readonly version?: unknown; readonly entries?: unknown };
    if (v.version !== 1 || !Array.isArray(v.entries)) return null;
    const list: readonly unknown[] = v.entries;
    const entries = list.filter(
      (e): e is FlagEntry =>
        typeof e === 'object' && e !== null && 'sheet' in e && typeof e.sheet === 'string' && 'cell' in e && typeof e.cell === 'string',
    );
    return { version: 1, entries };
  } catch {
    return null;
  }
}

/** The setting's value when the record is in XML parts. */
interface XmlPointer {
  readonly version: 1;
  readonly xml: string;
  readonly parts: number;
}

function parsePointer(value: unknown): XmlPointer | null {
  if (typeof value !== 'string' || !value.includes('"xml"')) return null;
  try {
    const v = JSON.parse(value) as Partial<XmlPointer>;
    return v.version === 1 && typeof v.xml === 'string' && typeof v.parts === 'number' ? (v as XmlPointer) : null;
  } catch {
    return null;
  }
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** U+FFFE and U+FFFF cannot stand in XML; inside JSON strings they can be written as escapes. */
const xmlSafeJson = (json: string): string => json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

function partXml(run: string, index: number, count: number, text: string): string {
  return `<flags xmlns="${FLAG_XML_NAMESPACE}" run="${run}" part="${index}" of="${count}">${escapeXml(text)}</flags>`;
}

function parsePart(xml: string): { run: string; part: number; of: number; text: string } | null {
  const m = /<flags\b[^>]*\brun="([^"]*)"[^>]*\bpart="(\d+)"[^>]*\bof="(\d+)"[^>]*>([\s\S]*)<\/flags>\s*$/.exec(xml);
  return m ? { run: m[1]!, part: Number(m[2]), of: Number(m[3]), text: unescapeXml(m[4]!) } : null;
}

/** Where the record stands in the workbook, for the next write to replace it. */
export interface RecordPlace {
  readonly settingExists: boolean;
  /**
   * The custom XML parts in our namespace found when the record was read: all removed by the
   * next write. (Parts written since are left to the write after: a proxy from a batch that
   * may have failed is never used.)
   */
  readonly xmlParts: readonly XlCustomXmlPart[];
  readonly sheetExists: boolean;
  /** Rows the fallback sheet holds. */
  readonly sheetRows: number;
}

export interface RecordState {
  readonly record: FlagRecord | null;
  readonly place: RecordPlace;
  /** Something is stored (a record, or parts or a sheet to remove). */
  readonly stored: boolean;
}

/** A queued read of the record; `resolve()` after the next sync (one more sync for XML parts). */
export interface RecordRead {
  resolve(): Promise<RecordState>;
}

/**
 * The record the host last wrote in XML parts, by the run id the setting points at: while the
 * setting still points at it, the parts need not be read again (no extra sync in a session).
 */
export interface RecordCache {
  run?: string;
  record?: FlagRecord;
}

export function queueRecordRead(context: XlContext, caps: HostCaps, cache: RecordCache = {}): RecordRead {
  if (caps.settings) {
    const item: XlSetting = context.workbook.settings.getItemOrNullObject(FLAG_SETTING_KEY);
    item.load('value');
    const scoped = caps.xmlParts ? context.workbook.customXmlParts.getByNamespace(FLAG_XML_NAMESPACE) : null;
    scoped?.load('items/id');
    return {
      resolve: async () => {
        const parts = scoped ? scoped.items : [];
        const value = item.isNullObject ? undefined : item.value;
        const place: RecordPlace = { settingExists: !item.isNullObject, xmlParts: parts, sheetExists: false, sheetRows: 0 };
        const pointer = parsePointer(value);
        let record: FlagRecord | null;
        if (!pointer) record = parseRecord(value);
        else if (cache.run === pointer.xml && cache.record) record = cache.record;
        else {
          record = await readParts(context, parts, pointer);
          if (record) Object.assign(cache, { run: pointer.xml, record });
        }
        return { record, place, stored: place.settingExists || parts.length > 0 };
      },
    };
  }
  const sheet: XlWorksheet = context.workbook.worksheets.getItemOrNullObject(FLAG_SHEET);
  const used: XlRange = sheet.getUsedRangeOrNullObject(true);
  used.load('values,rowCount');
  return {
    resolve: async () => {
      const text = used.isNullObject ? '' : used.values.map((r) => cellText(r[0])).join('');
      const place: RecordPlace = {
        settingExists: false,
        xmlParts: [],
        sheetExists: !sheet.isNullObject,
        sheetRows: used.isNullObject ? 0 : used.rowCount,
      };
      return { record: parseRecord(text), place, stored: place.sheetExists };
    },
  };
}

/** Reads the parts the pointer names (one sync; more only if Excel refuses the response as too large). */
async function readParts(context: XlContext, parts: readonly XlCustomXmlPart[], pointer: XmlPointer): Promise<FlagRecord | null> {
  const texts = new Map<number, string>();
  const units: Unit[] = parts.map((p) => {
    let result: { value: string } | null = null;
    return {
      bytes: 100,
      queue: () => void (result = p.getXml()),
      done: () => {
        const x = result ? parsePart(result.value) : null;
        if (x?.run === pointer.xml && x.of === pointer.parts) texts.set(x.part, x.text);
      },
    };
  });
  await runUnits(context, units, { maxUnits: 64, maxBytes: 4 * 1024 * 1024 });
  if (texts.size !== pointer.parts) return null;
  return parseRecord(Array.from({ length: pointer.parts }, (_, i) => texts.get(i) ?? '').join(''));
}

let runCounter = 0;

/**
 * The units that write the record (or remove it, when null or empty) in place of what `place`
 * holds, and where it stands afterwards (for a second write in the same run).
 */
export function recordUnits(
  context: XlContext,
  caps: HostCaps,
  record: FlagRecord | null,
  place: RecordPlace,
  cache: RecordCache = {},
): { units: Unit[]; place: RecordPlace } {
  const empty = record === null || record.entries.length === 0;
  const json = empty ? '' : xmlSafeJson(JSON.stringify(record));
  if (caps.settings) {
    const units: Unit[] = [];
    const removeParts = (): void => place.xmlParts.forEach((p) => p.delete());
    if (empty) {
      if (place.settingExists)
        units.push({ bytes: 200, queue: () => context.workbook.settings.getItemOrNullObject(FLAG_SETTING_KEY).delete() });
      if (place.xmlParts.length > 0) units.push({ bytes: 100 * place.xmlParts.length, queue: removeParts });
      return { units, place: { ...place, settingExists: false, xmlParts: [] } };
    }
    if (json.length <= RECORD_SETTING_MAX || !caps.xmlParts) {
      units.push({ bytes: wireLength(json) + 200, queue: () => void context.workbook.settings.add(FLAG_SETTING_KEY, json) });
      if (place.xmlParts.length > 0) units.push({ bytes: 100 * place.xmlParts.length, queue: removeParts });
      return { units, place: { ...place, settingExists: true, xmlParts: [] } };
    }
    const run = `${Date.now().toString(36)}${(runCounter++).toString(36)}`;
    const count = Math.ceil(json.length / RECORD_PART_CHARS);
    for (let i = 0; i < count; i++) {
      const xml = partXml(run, i, count, json.slice(i * RECORD_PART_CHARS, (i + 1) * RECORD_PART_CHARS));
      units.push({ bytes: wireLength(xml) + 200, queue: () => void context.workbook.customXmlParts.add(xml) });
    }
    const pointer: XmlPointer = { version: 1, xml: run, parts: count };
    // The setting switches to the new parts only once they are all written; then the old go.
    units.push({
      bytes: 300,
      queue: () => void context.workbook.settings.add(FLAG_SETTING_KEY, JSON.stringify(pointer)),
      done: () => Object.assign(cache, { run, record }),
    });
    if (place.xmlParts.length > 0) units.push({ bytes: 100 * place.xmlParts.length, queue: removeParts });
    return { units, place: { ...place, settingExists: true, xmlParts: [] } };
  }

  const sheets = context.workbook.worksheets;
  if (empty) {
    if (!place.sheetExists) return { units: [], place };
    const remove: Unit = {
      bytes: 200,
      queue: () => {
        const sheet = sheets.getItem(FLAG_SHEET);
        sheet.visibility = 'Hidden'; // a very hidden sheet cannot be deleted
        sheet.delete();
      },
    };
    return { units: [remove], place: { ...place, sheetExists: false, sheetRows: 0 } };
  }
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += PIECE) pieces.push(json.slice(i, i + PIECE));
  const prepare: Unit = {
    bytes: 200,
    queue: () => {
      if (place.sheetExists) {
        if (place.sheetRows > 0) sheets.getItem(FLAG_SHEET).getRange(`A1:A${place.sheetRows}`).clear();
      } else {
        const sheet = sheets.add(FLAG_SHEET);
        sheet.visibility = 'VeryHidden';
      }
    },
  };
  const units: Unit[] = [prepare];
  pieces.forEach((piece, i) => {
    units.push({
      bytes: wireLength(piece) + 200,
      queue: () => {
        const range = sheets.getItem(FLAG_SHEET).getRange(`A${i + 1}`);
        range.numberFormat = [['@']];
        range.values = [[piece]];
      },
    });
  });
  return { units, place: { ...place, sheetExists: true, sheetRows: pieces.length } };
}

/** The values marked as filled in the stored record (one read; none when there is no record). */
export async function readFilledMarks(context: XlContext, caps: HostCaps, cache: RecordCache = {}): Promise<FilledMark[]> {
  const read = queueRecordRead(context, caps, cache);
  await context.sync();
  const { record } = await read.resolve();
  return (record?.entries ?? []).flatMap((e) => (e.filled ? [{ sheet: e.sheet, cell: e.cell, ...e.filled }] : []));
}
