/** Test helpers for the annotator: findings, raw zip entries, crude cell parsing (independent of src). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync, strFromU8 } from 'fflate';
import type { Finding } from '../../../src/core/rules/types';
import { fromA1 } from '../../../src/core/snapshot/a1';

export const FIDELITY = join(__dirname, '../../fixtures/fidelity');
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIDELITY, name)));

export function finding(o: Partial<Finding> & { sheet: string; cell: string }): Finding {
  const pos = fromA1(o.cell) ?? { row: 0, col: 0 };
  return {
    rule: 'total-mismatch',
    severity: 'error',
    message: '合计与各项之和不符',
    messageId: 'mismatch',
    row: pos.row,
    col: pos.col,
    key: `${o.rule ?? 'total-mismatch'}|mismatch|${o.sheet}|${o.cell}|0`,
    ...o,
  };
}

export interface RawEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  /** Compressed bytes as stored. */
  readonly raw: Uint8Array;
  readonly content: Uint8Array;
}

/** A separate, deliberately simple central-directory reader (not the one under test). */
export function rawEntries(buf: Uint8Array): Map<string, RawEntry> {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const n = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out = new Map<string, RawEntry>();
  for (let i = 0; i < n; i++) {
    if (dv.getUint32(p, true) !== 0x02014b50) throw new Error('bad central directory');
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const csize = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = strFromU8(buf.subarray(p + 46, p + 46 + nameLen));
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const raw = buf.subarray(start, start + csize);
    out.set(name, { name, method, crc, raw, content: method === 0 ? raw : inflateSync(raw) });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

export const text = (e: RawEntry | undefined): string => (e ? strFromU8(e.content) : '');

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface RawCell {
  readonly attrs: Record<string, string>;
  readonly inner: string;
}

/** Cells of a worksheet part by A1 address (regex parse; fine for the fixtures' plain markup). */
export function cellsOf(xml: string): Map<string, RawCell> {
  const out = new Map<string, RawCell>();
  const re = /<c\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    out.set(attrs.r ?? `#${out.size}`, { attrs, inner: m[2] ?? '' });
  }
  return out;
}

/** Element texts `<tag …>…</tag>` or `<tag …/>` inside the first `<parent>`. */
export function itemsOf(xml: string, parent: string, tag: string): string[] {
  const s = xml.indexOf(`<${parent}`);
  const e = xml.indexOf(`</${parent}>`, s);
  if (s < 0 || e < 0) return [];
  const body = xml.slice(xml.indexOf('>', s) + 1, e);
  return [...body.matchAll(new RegExp(`<${tag}\\b(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</${tag}>)`, 'g'))].map((m) => m[0]);
}

/** The workbook's sheets → part names, via workbook.xml and its rels. */
export function sheetParts(entries: Map<string, RawEntry>): Map<string, string> {
  const wb = text(entries.get('xl/workbook.xml'));
  const rels = text(entries.get('xl/_rels/workbook.xml.rels'));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])![1]!;
    const rid = /r:id="([^"]*)"/.exec(m[0])![1]!;
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((r) => r[0]).find((r) => r.includes(`Id="${rid}"`))!;
    const target = /Target="([^"]*)"/.exec(rel)![1]!;
    out.set(name.replace(/&apos;/g, "'").replace(/&amp;/g, '&'), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

export function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}
