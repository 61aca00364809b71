import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/core/check';
import { analyseAmounts, describeParts, evaluate, formatStated } from '../../../src/core/text/amount-statements';
import { readXlsx } from '../../../src/hosts/xlsx/read';

const ROOT = resolve(__dirname, '../../..');
const ref = (row: number) => ({ sheet: 'S', row, col: 0 });
const analyse = (...texts: string[]) => analyseAmounts(texts.map((text, i) => ({ text, ref: ref(i) })));

describe('analyseAmounts', () => {
  it('counts a 大写 amount and its figure once', () => {
    const an = analyse('一次性支付监测经费（含税价格）大写人民币壹拾伍万元整（￥150，000.00）。');
    expect(an.amounts).toHaveLength(2);
    expect(an.amounts[1]!.twinOf).toBe(0);
    expect(an.stated).toMatchObject({ kind: 'single', fen: 15_000_000 });
  });

  it('counts a calculation once, by its principal amount', () => {
    const an = analyse('每年每月按723.84万元/年÷12=60.32万元/月划拨');
    expect(an.calculations).toHaveLength(1);
    expect(an.amounts.map((a) => a.derived)).toEqual([false, true]);
    expect(an.stated && formatStated(an.stated)).toBe('723.84万元/年');
    const product = analyse('3.12万元/人×232人=723.84万元');
    expect(product.stated && formatStated(product.stated)).toBe('723.84万元');
  });

  it('reads a total and its parts as the total', () => {
    const an = analyse('本项目计划安排资金10万元。其中：区级财政安排资金10万元。');
    expect(an.structures).toEqual([{ total: 0, parts: [1], kind: 'total-then-parts', scope: 'sources' }]);
    expect(an.stated).toMatchObject({ kind: 'total', fen: 10_000_000, parts: [1] });
  });

  it('sums items without a total, at their precision', () => {
    const an = analyse('涉及监考教师和考务人员约1050人次，共需支出考务费约40万元，培训费4万元，考试用品设施约7万元和办公经费1万元。');
    expect(an.stated).toMatchObject({ kind: 'sum', fen: 52_000_000, lo: 51_000_000, hi: 53_000_000, unit: '万元' });
    expect(describeParts(an.amounts, an.stated!.parts)).toBe('考务费40万元+培训费4万元+考试用品设施7万元+办公经费1万元');
  });

  it('does not take an item equal to the sum of the others for a total', () => {
    // seed 项目一: 15 = 10 + 5 by chance
    const an = analyse('（一）宣传、资料费15万元；', '（二）制作专题片10万元；', '（三）专家实地评估费用、会务等费用5万元。');
    expect(an.stated).toMatchObject({ kind: 'sum', fen: 30_000_000 });
  });

  it('evaluates calculations exactly', () => {
    const [c] = analyse('723.84万元/年÷12=60.32万元/月').calculations;
    const v = evaluate(c!)!;
    expect(v.dim).toBe(1);
    expect(v.num * 1n).toBe(v.den * 60_320_000n); // exactly 60.32万元 in fen
  });

  it('has nothing to say about text without money', () => {
    expect(analyse('用于表彰教育宣传先进、征订报刊等。', '按70%上缴党费，4：2：2：2比例分担。').stated).toBeUndefined();
  });
});

describe('the amount rules on the seed workbooks (every layout)', () => {
  const AMOUNT_RULES = new Set([
    'funding-amount-missing',
    'total-mismatch',
    'plan-funding-mismatch',
    'uppercase-mismatch',
    'uppercase-malformed',
    'arithmetic',
  ]);
  it.each([
    ['jiangchuan-2023.xlsx', ['项目一!A37', '项目二!A18', '项目四!A13'], '项目十二!A15'],
    ['jiangchuan-2023-one-sheet.xlsx', ['项目文本!A37', '项目文本!A62', '项目文本!A133'], '项目文本!A327'],
    ['jiangchuan-2023-two-column.xlsx', ['项目一!B7', '项目二!B7', '项目四!B7'], '项目十二!B8'],
  ])('%s', (file, missingCells, planCell) => {
    const read = readXlsx(new Uint8Array(readFileSync(join(ROOT, 'seeds', file))));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { findings } = checkWorkbook({ snapshot: read.snapshot });
    const mine = findings.filter((f) => AMOUNT_RULES.has(f.rule));
    expect(mine.map((f) => [f.rule, f.project, `${f.sheet}!${f.cell}`]).sort()).toEqual(
      [
        ['funding-amount-missing', '项目一', missingCells[0]],
        ['funding-amount-missing', '项目二', missingCells[1]],
        ['funding-amount-missing', '项目四', missingCells[2]],
        ['plan-funding-mismatch', '项目十二', planCell],
      ].sort(),
    );
    const plan = mine.find((f) => f.rule === 'plan-funding-mismatch')!;
    expect([plan.expected, plan.actual]).toEqual(['52万元', '34.7万元']);
    expect(plan.message).toContain('资金安排情况合计52万元（考务费40万元+培训费4万元+考试用品设施7万元+办公经费1万元）');
    expect(plan.message).toContain('项目实施计划合计34.7万元');
  });
});
