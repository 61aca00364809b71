/** Damaged packages: the reader never throws and never fails for a reason of its own ('internal'). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { str, workbook, workbookEntries, zip } from './hostile';

const base = workbook([
  {
    name: '项目一',
    data: `<row r="1">${str('A1', '项目一')}<c r="B1" s="0"><v>12.5</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#REF!</v></c></row>`,
    after: '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
  },
  { name: '__proto__', data: `<row r="2">${str('B2', '资金安排情况')}</row>` },
]);

describe('readXlsx on damaged bytes', () => {
  it('flipped, dropped or inserted bytes: a snapshot or a typed failure, never a throw', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.nat(base.length - 1), byte: fc.integer({ min: 0, max: 255 }), op: fc.constantFrom('set', 'cut', 'insert') }),
          { minLength: 1, maxLength: 6 },
        ),
        (edits) => {
          let b = Uint8Array.from(base);
          for (const e of edits) {
            const at = Math.min(e.at, b.length - 1);
            if (e.op === 'set') b[at] = e.byte;
            else if (e.op === 'cut') b = b.subarray(0, at);
            else b = Uint8Array.from([...b.subarray(0, at), e.byte, ...b.subarray(at)]);
            if (b.length === 0) break;
          }
          const r = readXlsx(b);
          if (!r.ok) {
            expect(r.error.code, r.error.detail.detail).not.toBe('internal');
            expect(r.error.zh.length).toBeGreaterThan(0);
            expect(r.error.en.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 400, seed: 20231125 },
    );
  });

  it('random XML in the sheet part: a snapshot or a typed failure, never a throw', () => {
    const pieces = [
      '<row r="1">',
      '</row>',
      '<c r="A1" t="s">',
      '<c t="inlineStr">',
      '<c r="ZZZZ9">',
      '<is><t>x</t></is>',
      '</c>',
      '<v>',
      '</v>',
      '<v>1e999</v>',
      '<v>abc</v>',
      '<f t="shared" si="0"/>',
      '<f t="shared" ref="A1:A3" si="0">A1</f>',
      '<mergeCell ref="A1:XFD1048576"/>',
      '<mergeCell ref="bogus"/>',
      '<sheetProtection sheet="1"/>',
      '&amp;',
      '&#0;',
      '<![CDATA[x]]>',
      '<!-- c -->',
      '<?pi x?>',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.boolean(), (parts, wrap) => {
        const body = parts.join('');
        const xml = wrap ? `<worksheet><sheetData>${body}</sheetData></worksheet>` : body;
        const r = readXlsx(zip(workbookEntries([{ name: 'S', xml }])));
        if (!r.ok) expect(r.error.code, r.error.detail.detail).not.toBe('internal');
        else for (const c of r.snapshot.sheets[0]!.cells) expect(c.row >= 0 && c.col >= 0 && c.col <= 16383).toBe(true);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
