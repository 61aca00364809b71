import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withCalculatedValues } from '../../../src/core/formula/evaluate';
import { parseFormula } from '../../../src/core/formula/parse';
import { ratFromDecimal, round, toDecimal } from '../../../src/core/formula/rational';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { fromA1 } from '../../../src/core/snapshot/a1';

type In = string | number | boolean | { f: string } | { e: string };

/** A sheet from `{A1: 1, B1: {f: 'A1*2'}}`; formulas have no value (as openpyxl saves them). */
function sheet(name: string, cells: Record<string, In>, index = 0): SheetSnapshot {
  const out: Cell[] = [];
  for (const [a1, v] of Object.entries(cells)) {
    const { row, col } = fromA1(a1)!;
    if (typeof v === 'number') out.push({ row, col, kind: 'number', value: v, text: String(v) });
    else if (typeof v === 'string') out.push({ row, col, kind: 'text', value: v, text: v });
    else if (typeof v === 'boolean') out.push({ row, col, kind: 'boolean', value: v, text: v ? 'TRUE' : 'FALSE' });
    else if ('e' in v) out.push({ row, col, kind: 'error', value: v.e, text: v.e });
    else out.push({ row, col, kind: 'empty', value: null, text: '', formula: v.f });
  }
  out.sort((a, b) => a.row - b.row || a.col - b.col);
  return { name, index, visibility: 'visible', cells: out, merges: [] };
}

function calc(...sheets: SheetSnapshot[]): (ref: string) => Cell | undefined {
  const s: WorkbookSnapshot = withCalculatedValues({ sheets });
  return (ref) => {
    const [name, a1] = ref.includes('!') ? ref.split('!') : [sheets[0]!.name, ref];
    const { row, col } = fromA1(a1!)!;
    return s.sheets.find((x) => x.name === name)!.cells.find((c) => c.row === row && c.col === col);
  };
}

const text = (c: Cell | undefined): string | undefined => (c && c.kind !== 'empty' ? c.text : undefined);

describe('exact arithmetic', () => {
  it('decimals as written, no binary rounding', () => {
    const get = calc(
      sheet('S', {
        A1: 0.1,
        A2: 0.2,
        B1: { f: 'A1+A2' },
        B2: { f: 'ROUND(2.675,2)' },
        B3: { f: 'ROUND(1.005*100,0)/100' },
        B4: { f: '10/3' },
        B5: { f: 'ROUND(10/3,2)' },
        B6: { f: '-ROUND(-2.5,0)' },
        B7: { f: 'ROUND(1234.5,-2)' },
        B8: { f: '7*3.12' },
      }),
    );
    expect(text(get('B1'))).toBe('0.3'); // binary doubles: 0.30000000000000004
    expect(text(get('B2'))).toBe('2.68'); // binary doubles: 2.67
    expect(text(get('B3'))).toBe('1.01');
    expect(text(get('B4'))).toBe('3.33333333333333'); // 15 significant digits, as Excel stores it
    expect(text(get('B5'))).toBe('3.33');
    expect(text(get('B6'))).toBe('3'); // half away from zero
    expect(text(get('B7'))).toBe('1200');
    expect(get('B8')).toMatchObject({ kind: 'number', value: 21.84, text: '21.84' });
  });

  it('rationals print exactly or at 15 significant digits', () => {
    expect(toDecimal(ratFromDecimal('1e-7')!)).toBe('0.0000001');
    expect(toDecimal(ratFromDecimal('723.84')!)).toBe('723.84');
    expect(toDecimal(round(ratFromDecimal('-0.125')!, 2))).toBe('-0.13');
    expect(toDecimal(ratFromDecimal('123456789012345678')!)).toBe('123456789012346000');
  });
});

describe('references', () => {
  it('same sheet, absolute, ranges, whole columns, other sheets (quoted or not), case-insensitive', () => {
    const get = calc(
      sheet('项目十一', {
        A1: 1,
        A2: 2,
        A3: 3,
        B1: { f: 'SUM(A1:A3)' },
        B2: { f: '$A$1+A$2*$A3' },
        B3: { f: 'SUM(A:A)' },
        B4: { f: "SUM('学校 明细'!B2:C3)+明细2!A1" },
        B5: { f: "sum('学校 明细'!$B$2,1)" },
      }),
      sheet('学校 明细', { B2: 10, C2: 20, B3: 30, C3: { f: 'B3*2' } }, 1),
      sheet('明细2', { A1: 0.5 }, 2),
    );
    expect(text(get('B1'))).toBe('6');
    expect(text(get('B2'))).toBe('7');
    expect(text(get('B3'))).toBe('6');
    expect(text(get('B4'))).toBe('120.5');
    expect(text(get('B5'))).toBe('11');
  });

  it('formulas that read formulas without values, in any order, and long chains (no recursion)', () => {
    // A1 reads A2, which reads A3 … A20000: evaluated first, A1 needs the whole chain below it
    const cells: Record<string, In> = { A20000: 1 };
    for (let r = 1; r < 20_000; r++) cells[`A${r}`] = { f: `A${r + 1}+1` };
    cells.B1 = { f: 'A1*2' };
    const get = calc(sheet('S', cells));
    expect(text(get('A1'))).toBe('20000');
    expect(text(get('B1'))).toBe('40000');
    expect(text(get('A19999'))).toBe('2');
  });

  it('SUM skips text, booleans and blanks in references; + coerces text that is a number', () => {
    const get = calc(
      sheet('S', {
        A1: 5,
        A2: '7',
        A3: true,
        A4: '小计',
        B1: { f: 'SUM(A1:A5)' },
        B2: { f: 'A1+A2' },
        B3: { f: 'A1+A4' },
        B4: { f: 'A1+A5' },
        B5: { f: 'SUM(A2,1)' },
        B6: { f: 'SUM("7",1)' },
      }),
    );
    expect(text(get('B1'))).toBe('5');
    expect(text(get('B2'))).toBe('12');
    expect(get('B3')).toMatchObject({ kind: 'error', value: '#VALUE!' });
    expect(text(get('B4'))).toBe('5');
    expect(text(get('B5'))).toBe('1'); // a reference's text is skipped
    expect(text(get('B6'))).toBe('8'); // a direct text argument is read as a number
  });

  it('errors as Excel gives them: ÷0, an error read, propagated through SUM', () => {
    const get = calc(sheet('S', { A1: 0, A2: { e: '#REF!' }, B1: { f: '1/A1' }, B2: { f: 'SUM(A1:A2)' }, B3: { f: 'B1+1' } }));
    expect(get('B1')).toMatchObject({ kind: 'error', value: '#DIV/0!' });
    expect(get('B2')).toMatchObject({ kind: 'error', value: '#REF!' });
    expect(get('B3')).toMatchObject({ kind: 'error', value: '#DIV/0!' });
  });

  it('a fixed number format shows its decimals', () => {
    const s = sheet('S', { A1: 37.4, B1: { f: 'A1*1' } });
    const cells = s.cells.map((c) => (c.formula ? { ...c, numFmt: '#,##0.00' } : c));
    const out = withCalculatedValues({ sheets: [{ ...s, cells }] });
    expect(out.sheets[0]!.cells[1]).toMatchObject({ kind: 'number', value: 37.4, text: '37.40', formula: 'A1*1' });
  });
});

describe('what is not evaluated keeps no value', () => {
  it('other functions, names, comparisons, concatenation, a missing sheet, a range as one value', () => {
    const get = calc(
      sheet('S', {
        A1: 1,
        A2: 2,
        B1: { f: 'VLOOKUP(A1,C:D,2,FALSE)' },
        B2: { f: '单价*2' },
        B3: { f: 'A1>0' },
        B4: { f: 'A1&"元"' },
        B5: { f: '无此表!A1' },
        B6: { f: 'A1:A2+1' },
        B7: { f: 'B1+1' },
        B8: { f: '_xlfn.XLOOKUP(A1,C:C,D:D)' },
      }),
    );
    for (const r of ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8']) expect(get(r), r).toMatchObject({ kind: 'empty', value: null });
  });

  it('cycles (direct and through other cells) keep no value, the rest is evaluated', () => {
    const get = calc(sheet('S', { A1: { f: 'A1+1' }, B1: { f: 'C1+1' }, C1: { f: 'B1+1' }, D1: 4, E1: { f: 'D1*2' } }));
    expect(get('A1')?.kind).toBe('empty');
    expect(get('B1')?.kind).toBe('empty');
    expect(get('C1')?.kind).toBe('empty');
    expect(text(get('E1'))).toBe('8');
  });

  it('a formula over 8,192 characters or nested deeper than 64 is not read', () => {
    expect(parseFormula(`1${'+1'.repeat(4096)}`)).toBeNull();
    expect(parseFormula(`${'('.repeat(100)}1${')'.repeat(100)}`)).toBeNull();
    expect(parseFormula(`${'('.repeat(20)}1${')'.repeat(20)}`)).not.toBeNull();
  });

  it('the work is bounded: past the bound, the rest keeps no value', () => {
    const cells: Record<string, In> = {};
    for (let r = 1; r <= 2000; r++) cells[`A${r}`] = r;
    for (let r = 1; r <= 3000; r++) cells[`B${r}`] = { f: 'SUM(A:A)' };
    const s = withCalculatedValues({ sheets: [sheet('S', cells)] }, 1_000_000);
    const values = s.sheets[0]!.cells.filter((c) => c.col === 1);
    const done = values.filter((c) => c.kind === 'number');
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(3000);
    expect(done.every((c) => c.value === 2001000)).toBe(true);
  });

  it("numbers past a double's range are #NUM!, so a hostile product stays cheap", () => {
    const get = calc(
      sheet('S', {
        B1: { f: Array.from({ length: 1300 }, () => '1e300').join('*') },
        B2: { f: `1/3${'/3'.repeat(1000)}` },
        B3: { f: '1e999' },
      }),
    );
    expect(get('B1')).toMatchObject({ kind: 'error', value: '#NUM!' });
    expect(get('B2')).toMatchObject({ kind: 'error', value: '#NUM!' });
    expect(get('B3')?.kind).toBe('empty'); // a literal past a double: not read
  });

  it('never throws on random formulas, and every cell ends with a value or without one', () => {
    const PIECES = [
      'A1',
      'B2',
      '$A$1',
      'A1:B2',
      'A:A',
      "'S 2'!A1",
      'S!B1',
      '1',
      '0',
      '2.5',
      '1e300',
      '"7"',
      '"x"',
      'TRUE',
      '+',
      '-',
      '*',
      '/',
      '%',
      '(',
      ')',
      ',',
      ':',
      'SUM(',
      'ROUND(',
      'IF(',
      '&',
      '^',
      ' ',
      "'",
      '"',
      '!',
      '#REF!',
    ];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), { minLength: 1, maxLength: 6 }), (formulas) => {
        const cells: Record<string, In> = { A1: 1, A2: '3', B1: true };
        formulas.forEach((f, i) => {
          cells[`B${i + 2}`] = { f: f.join('') };
        });
        const out = withCalculatedValues({ sheets: [sheet('S', cells), sheet('S 2', { A1: { f: 'S!B2' } }, 1)] });
        for (const sh of out.sheets) for (const c of sh.cells) expect(['number', 'text', 'boolean', 'error', 'empty']).toContain(c.kind);
      }),
      { numRuns: 500, seed: 17 },
    );
  });

  it('a workbook without such formulas is returned as it is', () => {
    const snap: WorkbookSnapshot = { sheets: [sheet('S', { A1: 1 })] };
    expect(withCalculatedValues(snap)).toBe(snap);
  });
});
