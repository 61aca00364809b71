/**
 * Counts context.sync() calls of a whole check (read, check, flag) and a clear on the fake Excel
 * object model (src/hosts/excel/fake), for a workbook of 2 sheets and one of 200 sheets built from the
 * seed's projects. The budget is a constant number, whatever the number of sheets. Also the re-check
 * of 边改边查 when nothing changed (read 3 + flag 2: nothing is written again).
 */
import { FakeExcel } from '../src/hosts/excel/fake';
import { createExcelHost } from '../src/hosts/excel/host';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../src/core/snapshot/types';
import { syntheticWorkbook } from './data';

function snapshotOf(sheets: number): WorkbookSnapshot {
  const bench = syntheticWorkbook(sheets, 0);
  return {
    sheets: bench.map((s, index): SheetSnapshot => ({
      name: s.name,
      index,
      visibility: 'visible',
      merges: [],
      cells: s.rows.flatMap((row, r) =>
        row.flatMap((v, c): Cell[] =>
          v === null || v === ''
            ? []
            : typeof v === 'number'
              ? [{ row: r, col: c, kind: 'number', value: v, text: String(v) }]
              : [{ row: r, col: c, kind: 'text', value: v, text: v }],
        ),
      ),
    })),
  };
}

async function count(sheets: number): Promise<{ total: number; recheck: number }> {
  const fake = FakeExcel.fromSnapshot(snapshotOf(sheets));
  const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
  const out = await host.check({ config: {}, lang: 'zh' });
  if (!out.ok) throw new Error(out.message);
  const before = fake.syncCount;
  await host.check({ config: {}, lang: 'zh' });
  const recheck = fake.syncCount - before;
  await host.clearFlags();
  return { total: fake.syncCount - recheck, recheck };
}

export async function countSyncs(): Promise<{
  small: number;
  large: number;
  smallSheets: number;
  largeSheets: number;
  recheckSmall: number;
  recheckLarge: number;
}> {
  const small = await count(2);
  const large = await count(200);
  return {
    small: small.total,
    large: large.total,
    smallSheets: 2,
    largeSheets: 200,
    recheckSmall: small.recheck,
    recheckLarge: large.recheck,
  };
}
