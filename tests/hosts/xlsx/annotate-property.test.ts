/** Property: for any sheet and any set of flagged cells, patchSheet keeps every cell and keeps order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchSheet } from '../../../src/hosts/xlsx/annotate-sheet';
import { toA1 } from '../../../src/core/snapshot/a1';

const cellArb = fc.record({
  row: fc.integer({ min: 0, max: 40 }),
  col: fc.integer({ min: 0, max: 12 }),
  s: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
  v: fc.integer(),
});

function sheetXml(cells: { row: number; col: number; s: number | undefined; v: number }[], emptyRows: number[]): string {
  const byRow = new Map<number, typeof cells>();
  for (const c of cells) {
    const l = byRow.get(c.row) ?? [];
    if (!l.some((x) => x.col === c.col)) l.push(c);
    byRow.set(c.row, l);
  }
  for (const r of emptyRows) if (!byRow.has(r)) byRow.set(r, []);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  return `<sheetData>${rows
    .map((r) => {
      const l = byRow.get(r)!.sort((a, b) => a.col - b.col);
      if (!l.length) return `<row r="${r + 1}"/>`;
      return `<row r="${r + 1}">${l.map((c) => `<c r="${toA1(c.row, c.col)}"${c.s ? ` s="${c.s}"` : ''}><v>${c.v}</v></c>`).join('')}</row>`;
    })
    .join('')}</sheetData>`;
}

function parse(xml: string): { row: number; cells: { ref: string; col: number; s?: string; inner: string }[] }[] {
  const rows: { row: number; cells: { ref: string; col: number; s?: string; inner: string }[] }[] = [];
  for (const m of xml.matchAll(/<row r="(\d+)"(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const cells = [...(m[2] ?? '').matchAll(/<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
      expect(c[2]).toBe(m[1]);
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- column letters, [A-Z]+ by the regex
      const col = [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return { ref: `${c[1]}${c[2]}`, col, ...(c[3] !== undefined && { s: c[3] }), inner: c[4] ?? '' };
    });
    rows.push({ row: Number(m[1]) - 1, cells });
  }
  return rows;
}

describe('patchSheet (property)', () => {
  it('keeps every cell, changes only flagged styles, and keeps rows and cells in order', () => {
    fc.assert(
      fc.property(
        fc.array(cellArb, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 5 }),
        fc.array(fc.record({ row: fc.integer({ min: 0, max: 45 }), col: fc.integer({ min: 0, max: 14 }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        (cells, emptyRows, flags) => {
          const xml = sheetXml(cells, emptyRows);
          const res = patchSheet(
            xml,
            flags.map((f) => ({ ...f, style: (s: number) => 100 + s })),
          );
          const before = parse(xml);
          const after = parse(res.xml);
          const flagged = new Set(flags.map((f) => toA1(f.row, f.col)));
          // order
          for (let i = 1; i < after.length; i++) expect(after[i]!.row).toBeGreaterThan(after[i - 1]!.row);
          for (const r of after) for (let i = 1; i < r.cells.length; i++) expect(r.cells[i]!.col).toBeGreaterThan(r.cells[i - 1]!.col);
          const cellsAfter = new Map(after.flatMap((r) => r.cells.map((c) => [c.ref, c] as const)));
          const cellsBefore = new Map(before.flatMap((r) => r.cells.map((c) => [c.ref, c] as const)));
          for (const [ref, c] of cellsBefore) {
            const d = cellsAfter.get(ref)!;
            expect(d.inner).toBe(c.inner);
            expect(d.s).toBe(flagged.has(ref) ? String(100 + Number(c.s ?? 0)) : c.s);
          }
          for (const [ref, d] of cellsAfter) {
            if (cellsBefore.has(ref)) continue;
            expect(flagged.has(ref)).toBe(true);
            expect(d.s).toBe('100');
          }
          for (const ref of flagged) expect(cellsAfter.has(ref)).toBe(true);
          expect(after.length).toBe(new Set([...before.map((r) => r.row), ...flags.map((f) => f.row)]).size);
        },
      ),
      { numRuns: 300, seed: 20240501 },
    );
  });
});

describe('annotate on damaged parts (property)', () => {
  it('either writes a copy or throws AnnotateError, and always terminates', async () => {
    const { strToU8, zipSync, unzipSync, strFromU8 } = await import('fflate');
    const { annotate, AnnotateError } = await import('../../../src/hosts/xlsx/annotate');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = unzipSync(new Uint8Array(readFileSync(join(__dirname, '../../fixtures/fidelity/rich.xlsx'))));
    const targets = [
      'xl/worksheets/sheet1.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/comments1.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
    ];
    const findings = [
      { rule: 'r', severity: 'error' as const, message: 'm', messageId: 'm', sheet: '项目一', cell: 'B3', row: 2, col: 1, key: 'k' },
      { rule: 'r', severity: 'warning' as const, message: 'm', messageId: 'm', sheet: '项目一', cell: 'H20', row: 19, col: 7, key: 'k2' },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.nat(), fc.nat(), fc.string({ maxLength: 12 }), (part, a, b, junk) => {
        const xml = strFromU8(files[part]!);
        const cut = a % xml.length;
        const resume = cut + (b % Math.max(1, xml.length - cut));
        const damaged = { ...files, [part]: strToU8(xml.slice(0, cut) + junk + xml.slice(resume)) };
        try {
          const out = annotate(zipSync(damaged, { level: 0 }), findings, { fix: true });
          expect(out.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(AnnotateError);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
