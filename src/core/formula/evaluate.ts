/**
 * Values for formulas saved without them. openpyxl, pandas and many report generators write
 * `<f>SUM(F5:J5)</f>` and no `<v>`: the snapshot then has a cell with a formula and no value. Such
 * cells get the value Excel would compute, exactly (fractions of BigInts; see rational.ts), when the
 * formula is one this evaluator reads (parse.ts). The rest keep no value: the rule
 * formula-uncalculated reports them once, and no table rule reads them as empty.
 *
 * Lazy and safe: only cells without a value are evaluated, each at most once, and a referenced cell
 * without a value is evaluated first, on an explicit stack (no recursion, so a chain of 100,000
 * references cannot overflow); a cycle leaves its cells without a value; the work (cells visited
 * in ranges, formula nodes) is bounded by `MAX_WORK` for the whole workbook.
 */
import { lacksValue } from './lacks-value';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../snapshot/types';
import { gridOf, type SheetGrid } from '../snapshot/grid';
import { parseFormula, type Expr } from './parse';
import {
  add,
  div,
  mul,
  neg,
  outOfRange,
  R_ONE,
  R_ZERO,
  rat,
  ratFromDecimal,
  ratFromNumber,
  round,
  sub,
  toDecimal,
  toFixed,
  trunc,
  type Rational,
} from './rational';

type Value =
  | { readonly t: 'num'; readonly r: Rational }
  | { readonly t: 'str'; readonly s: string }
  | { readonly t: 'bool'; readonly b: boolean }
  | { readonly t: 'err'; readonly e: string }
  | { readonly t: 'blank' };

/** Cells visited in ranges plus formula nodes evaluated, for one workbook. */
export const MAX_WORK = 5_000_000;

class Cannot extends Error {}
class OutOfWork extends Error {}

const BLANK: Value = { t: 'blank' };
const VISITING = 'visiting';
const CANNOT = 'cannot';
type State = Value | typeof VISITING | typeof CANNOT;

export { lacksValue };

class Evaluator {
  private readonly sheets = new Map<string, SheetSnapshot>();
  private readonly state = new Map<Cell, State>();
  private readonly trees = new Map<Cell, Expr | null>();
  private readonly home = new Map<Cell, SheetSnapshot>();
  private work = 0;

  constructor(
    snapshot: WorkbookSnapshot,
    private readonly maxWork: number,
  ) {
    for (const s of snapshot.sheets) {
      const key = s.name.toLowerCase();
      if (!this.sheets.has(key)) this.sheets.set(key, s);
    }
  }

  private spend(n: number): void {
    this.work += n;
    if (this.work > this.maxWork) throw new OutOfWork();
  }

  private tree(cell: Cell): Expr | null {
    let t = this.trees.get(cell);
    if (t === undefined) {
      t = parseFormula(cell.formula ?? '');
      this.trees.set(cell, t);
    }
    return t;
  }

  private sheetOf(name: string | undefined, own: SheetSnapshot): SheetSnapshot {
    if (name === undefined) return own;
    const s = this.sheets.get(name.toLowerCase());
    if (!s) throw new Cannot(); // Excel would show #REF!; the file was not saved by Excel
    return s;
  }

  /** Visits the cells of a reference in row, then column order (sparse: only cells that exist). */
  private eachCell(e: Extract<Expr, { k: 'ref' }>, own: SheetSnapshot, f: (c: Cell) => void): void {
    const sheet = this.sheetOf(e.sheet, own);
    const grid: SheetGrid = gridOf(sheet);
    if (e.top === e.bottom && e.left === e.right) {
      this.spend(1);
      const c = grid.get(e.top, e.left);
      if (c) f(c);
      return;
    }
    const rows = grid.rowIndices;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]! < e.top) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < rows.length && rows[i]! <= e.bottom; i++) {
      const cells = grid.row(rows[i]!);
      this.spend(1 + cells.length);
      for (const c of cells) if (c.col >= e.left && c.col <= e.right) f(c);
    }
  }

  /** The formula cells without a value that `e` reads and that are not evaluated yet. */
  private pending(e: Expr, own: SheetSnapshot, out: Cell[]): void {
    this.spend(1);
    switch (e.k) {
      case 'ref':
        this.eachCell(e, own, (c) => {
          if (lacksValue(c) && this.state.get(c) !== CANNOT && !isValue(this.state.get(c))) {
            this.home.set(c, this.sheetOf(e.sheet, own));
            out.push(c);
          }
        });
        return;
      case 'neg':
      case 'pct':
        this.pending(e.a, own, out);
        return;
      case 'bin':
        this.pending(e.a, own, out);
        this.pending(e.b, own, out);
        return;
      case 'fn':
        for (const a of e.args) this.pending(a, own, out);
        return;
      default:
    }
  }

  /** A cell's value as a formula reads it. */
  private valueOf(c: Cell): Value {
    if (lacksValue(c)) {
      const s = this.state.get(c);
      if (isValue(s)) return s;
      throw new Cannot();
    }
    switch (c.kind) {
      case 'number': {
        const r = typeof c.value === 'number' ? ratFromNumber(c.value) : null;
        if (!r) throw new Cannot();
        return { t: 'num', r };
      }
      case 'text':
        return { t: 'str', s: typeof c.value === 'string' ? c.value : c.text };
      case 'boolean':
        return { t: 'bool', b: c.value === true };
      case 'error':
        return { t: 'err', e: String(c.value ?? c.text) };
      default:
        return BLANK;
    }
  }

  /** A value in an arithmetic operation: text that reads as a number counts; other text is #VALUE!. */
  private static num(v: Value): Rational | { e: string } {
    switch (v.t) {
      case 'num':
        return v.r;
      case 'blank':
        return R_ZERO;
      case 'bool':
        return v.b ? R_ONE : R_ZERO;
      case 'err':
        return { e: v.e };
      case 'str': {
        const r = ratFromDecimal(v.s.trim());
        return r ?? { e: '#VALUE!' };
      }
    }
  }

  private scalar(e: Expr, own: SheetSnapshot): Value {
    this.spend(1);
    switch (e.k) {
      case 'num':
        return { t: 'num', r: e.r };
      case 'str':
        return { t: 'str', s: e.s };
      case 'bool':
        return { t: 'bool', b: e.b };
      case 'ref': {
        if (e.top !== e.bottom || e.left !== e.right) throw new Cannot(); // a range used as one value
        const c = gridOf(this.sheetOf(e.sheet, own)).get(e.top, e.left);
        return c ? this.valueOf(c) : BLANK;
      }
      case 'neg':
      case 'pct': {
        const a = Evaluator.num(this.scalar(e.a, own));
        if (!('n' in a)) return { t: 'err', e: a.e };
        return numValue(e.k === 'neg' ? neg(a) : rat(a.n, a.d * 100n));
      }
      case 'bin': {
        const a = Evaluator.num(this.scalar(e.a, own));
        const b = Evaluator.num(this.scalar(e.b, own));
        if (!('n' in a)) return { t: 'err', e: a.e };
        if (!('n' in b)) return { t: 'err', e: b.e };
        if (e.op === '/') {
          const q = div(a, b);
          return q ? numValue(q) : { t: 'err', e: '#DIV/0!' };
        }
        return numValue(e.op === '+' ? add(a, b) : e.op === '-' ? sub(a, b) : mul(a, b));
      }
      case 'fn':
        return e.name === 'SUM' ? this.sum(e.args, own) : this.round(e.args, own);
    }
  }

  /** SUM: numbers in references (text, booleans and blanks there are skipped); direct values coerced. */
  private sum(args: readonly Expr[], own: SheetSnapshot): Value {
    let total = R_ZERO;
    let err: string | null = null;
    for (const a of args) {
      if (a.k === 'ref') {
        this.eachCell(a, own, (c) => {
          if (err !== null) return;
          const v = this.valueOf(c);
          if (v.t === 'num') {
            total = add(total, v.r);
            if (outOfRange(total)) err = '#NUM!';
          } else if (v.t === 'err') err = v.e;
        });
      } else {
        const v = Evaluator.num(this.scalar(a, own));
        if (!('n' in v)) err ??= v.e;
        else {
          total = add(total, v);
          if (outOfRange(total)) err ??= '#NUM!';
        }
      }
      if (err !== null) return { t: 'err', e: err };
    }
    return { t: 'num', r: total };
  }

  private round(args: readonly Expr[], own: SheetSnapshot): Value {
    const x = Evaluator.num(this.scalar(args[0]!, own));
    const d = Evaluator.num(this.scalar(args[1]!, own));
    if (!('n' in x)) return { t: 'err', e: x.e };
    if (!('n' in d)) return { t: 'err', e: d.e };
    const digits = trunc(d);
    if (digits > 300n || digits < -300n) return { t: 'err', e: '#NUM!' };
    return numValue(round(x, Number(digits)));
  }

  /** Evaluates `target` and, first, every cell without a value it reads (depth first, no recursion). */
  evaluate(target: Cell, sheet: SheetSnapshot): void {
    this.home.set(target, sheet);
    const stack: Cell[] = [target];
    while (stack.length > 0) {
      const cell = stack[stack.length - 1]!;
      const st = this.state.get(cell);
      const own = this.home.get(cell)!;
      if (st !== undefined && st !== VISITING) {
        stack.pop();
        continue;
      }
      const tree = this.tree(cell);
      if (tree === null) {
        this.state.set(cell, CANNOT);
        stack.pop();
        continue;
      }
      if (st === undefined) {
        this.state.set(cell, VISITING);
        const deps: Cell[] = [];
        try {
          this.pending(tree, own, deps);
        } catch (e) {
          if (!(e instanceof Cannot)) throw e;
          this.state.set(cell, CANNOT);
          stack.pop();
          continue;
        }
        if (deps.some((d) => this.state.get(d) === VISITING)) {
          // a circular reference: Excel warns and keeps no meaningful value; the cells on the
          // cycle then read this one as unknown and keep no value either
          this.state.set(cell, CANNOT);
          stack.pop();
          continue;
        }
        for (const d of deps) stack.push(d);
        continue;
      }
      // VISITING again: everything it reads has been evaluated (or could not be)
      try {
        this.state.set(cell, this.scalar(tree, own));
      } catch (e) {
        if (!(e instanceof Cannot)) throw e;
        this.state.set(cell, CANNOT);
      }
      stack.pop();
    }
  }

  result(cell: Cell): Value | null {
    const s = this.state.get(cell);
    return isValue(s) ? s : null;
  }
}

/** A number, or #NUM! past a double's range (which also bounds the BigInt work). */
function numValue(r: Rational): Value {
  return outOfRange(r) ? { t: 'err', e: '#NUM!' } : { t: 'num', r };
}

function isValue(s: State | undefined): s is Value {
  return s !== undefined && s !== VISITING && s !== CANNOT;
}

/** Decimals a fixed number format shows (`0.00`, `#,##0.0`), else null. */
function fixedPlaces(numFmt: string | undefined): number | null {
  if (numFmt === undefined) return null;
  const m = /^[#,]*0(?:\.(0+))?$/.exec(numFmt);
  return m ? (m[1] ?? '').length : null;
}

function withValue(c: Cell, v: Value): Cell {
  const base = {
    row: c.row,
    col: c.col,
    ...(c.formula !== undefined && { formula: c.formula }),
    ...(c.numFmt !== undefined && { numFmt: c.numFmt }),
  };
  switch (v.t) {
    case 'num': {
      const dec = toDecimal(v.r);
      const places = fixedPlaces(c.numFmt);
      return { ...base, kind: 'number', value: Number(dec), text: places === null ? dec : toFixed(v.r, places) };
    }
    case 'str':
      return { ...base, kind: 'text', value: v.s, text: v.s };
    case 'bool':
      return { ...base, kind: 'boolean', value: v.b, text: v.b ? 'TRUE' : 'FALSE' };
    case 'err':
      return { ...base, kind: 'error', value: v.e, text: v.e };
    case 'blank':
      return { ...base, kind: 'number', value: 0, text: '0' };
  }
}

/**
 * The snapshot with a value in every formula cell saved without one that this evaluator can
 * compute. The same object when there is none (Excel's own files: no cost beyond one pass).
 */
export function withCalculatedValues(snapshot: WorkbookSnapshot, maxWork = MAX_WORK): WorkbookSnapshot {
  const sheets: readonly SheetSnapshot[] = Array.isArray(snapshot.sheets) ? snapshot.sheets : [];
  if (!sheets.some((s) => Array.isArray(s.cells) && s.cells.some(lacksValue))) return snapshot;
  const ev = new Evaluator(snapshot, maxWork);
  let outOfWork = false;
  for (const s of sheets) {
    for (const c of s.cells) {
      if (!lacksValue(c) || outOfWork) continue;
      try {
        ev.evaluate(c, s);
      } catch (e) {
        if (!(e instanceof OutOfWork)) throw e;
        outOfWork = true; // the rest keep no value: formula-uncalculated says so
      }
    }
  }
  const out = sheets.map((s) => {
    if (!s.cells.some(lacksValue)) return s;
    const cells = s.cells.map((c) => {
      if (!lacksValue(c)) return c;
      const v = ev.result(c);
      return v ? withValue(c, v) : c;
    });
    return { ...s, cells };
  });
  return { ...snapshot, sheets: out };
}
