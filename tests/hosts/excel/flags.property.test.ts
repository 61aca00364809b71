import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FakeExcel, type FakeFill } from '../../../src/hosts/excel/fake';
import { clearFlags, flag } from '../../../src/hosts/excel/flags';
import type { HostCaps } from '../../../src/hosts/excel/caps';
import type { Severity } from '../../../src/core/rules/types';
import { ALL_CAPS, finding, workbook } from './workbook';

const SHEETS = ['项目1', '学校明细'];
const CELLS = ['A1', 'A2', 'B2', 'C3', 'D4', 'E5'];

const fillArb: fc.Arbitrary<FakeFill | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({
    pattern: fc.constantFrom('Solid', 'Solid', 'Gray25', 'LightDown', 'LinearGradient'),
    // white (reads like no fill), our own flag colours, theme-like colours
    color: fc.constantFrom('#FFFFFF', '#00B050', '#FFC7CE', '#FFFF00', '#5B9BD5'),
    patternColor: fc.constantFrom('#000000', '#FF0000'),
    tintAndShade: fc.constantFrom(0, 0, 0.4, -0.25, 0.7999),
  }),
);
const cellArb = fc.record({
  sheet: fc.constantFrom(...SHEETS),
  cell: fc.constantFrom(...CELLS),
  fill: fillArb,
  note: fc.option(fc.constantFrom('原有批注', '核对：张三'), { nil: undefined }),
});
const findingsArb = fc.array(
  fc.record({
    sheet: fc.constantFrom(...SHEETS, '不存在'),
    cell: fc.constantFrom(...CELLS),
    severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
    message: fc.constantFrom('金额不一致', '缺少章节', '学校代码缺失'),
  }),
  { maxLength: 12 },
);

describe('flag/clear property', () => {
  it('for any formatting (white, tinted, patterned), notes, findings, re-checks, reopening, missing APIs and fill readbacks, clearing restores the workbook exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cellArb, { maxLength: 8 }),
        findingsArb,
        fc.option(findingsArb, { nil: undefined }),
        fc.boolean(),
        fc.record({ notes: fc.boolean(), settings: fc.boolean() }),
        fc.record({ patternNull: fc.boolean(), tintedColor: fc.boolean() }),
        async (cells, first, second, reopen, feat, fillQuirks) => {
          const caps: HostCaps = { ...ALL_CAPS, ...feat };
          const opts = { features: feat, fillQuirks };
          const fake = FakeExcel.fromSnapshot(workbook(1), opts);
          for (const c of cells) {
            if (c.fill) fake.setCell(c.sheet, c.cell, { fill: c.fill });
            if (c.note) fake.setNote(c.sheet, c.cell, c.note);
          }
          const before = fake.dump();
          const toFindings = (list: typeof first) => list.map((f) => finding(f.sheet, f.cell, f.severity, f.message));
          await fake.run((ctx) => flag(ctx, toFindings(first), caps));
          if (second) await fake.run((ctx) => flag(ctx, toFindings(second), caps));
          const host = reopen ? FakeExcel.open(fake.save(), opts) : fake;
          const r = await host.run((ctx) => clearFlags(ctx, caps));
          expect(r.skipped).toEqual([]);
          expect(host.dump()).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
