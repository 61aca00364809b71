/**
 * The formulas a disclosure table holds, parsed into a small tree: numbers, text literals, TRUE/FALSE,
 * cell and range references on the same sheet or another (`'学校 明细'!$F$5:J5`, `项目一!A1`, `F:F`),
 * `+ - * /`, unary minus, `%`, parentheses, SUM and ROUND. Anything else (other functions, names,
 * comparisons, `^`, `&`, arrays, 3-D and row references, a formula over Excel's 8,192 characters or
 * nested deeper than 64) is `null`: not evaluated, never guessed.
 */
import { columnIndex } from '../snapshot/a1';
import { ratFromDecimal, type Rational } from './rational';

export type Expr =
  | { readonly k: 'num'; readonly r: Rational }
  | { readonly k: 'str'; readonly s: string }
  | { readonly k: 'bool'; readonly b: boolean }
  | {
      readonly k: 'ref';
      /** The sheet named in the reference; undefined: the formula's own sheet. */
      readonly sheet?: string;
      readonly top: number;
      readonly left: number;
      readonly bottom: number;
      readonly right: number;
    }
  | { readonly k: 'neg'; readonly a: Expr }
  | { readonly k: 'pct'; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: '+' | '-' | '*' | '/'; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'fn'; readonly name: 'SUM' | 'ROUND'; readonly args: readonly Expr[] };

/** Excel's own limit on a formula's length. */
export const MAX_FORMULA_LENGTH = 8192;
const MAX_DEPTH = 64;
const MAX_ROW = 1048575;

class Unsupported extends Error {}

type Tok =
  { t: 'num'; v: string } | { t: 'str'; v: string } | { t: 'sheet'; v: string } | { t: 'word'; v: string } | { t: 'op'; v: string };

/** Characters that end an unquoted word (a sheet name, a reference, a function name). */
const WORD_END = /[\s()+\-*/^&=<>,;:!'"%{}[\]]/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new Unsupported();
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j]!;
        j++;
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let s = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new Unsupported();
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            s += "'";
            j += 2;
            continue;
          }
          break;
        }
        s += src[j]!;
        j++;
      }
      if (src[j + 1] !== '!') throw new Unsupported();
      out.push({ t: 'sheet', v: s });
      i = j + 2;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(src);
    if (num && !/[A-Za-z_$:!]/.test(src[i + num[0].length] ?? '')) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    if ('+-*/(),:%'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    let j = i;
    while (j < src.length && !WORD_END.test(src[j]!)) j++;
    if (j === i) throw new Unsupported(); // ^ & = < > { } ; [ ] and the like
    const word = src.slice(i, j);
    if (src[j] === '!') {
      out.push({ t: 'sheet', v: word });
      i = j + 1;
    } else {
      out.push({ t: 'word', v: word });
      i = j;
    }
  }
  return out;
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;

function cellOf(word: string): { row: number; col: number } | null {
  const m = CELL.exec(word);
  if (!m) return null;
  const col = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  if (col < 0 || col > 16383 || row < 0 || row > MAX_ROW) return null;
  return { row, col };
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new Unsupported();
    this.i++;
  }

  parse(): Expr {
    const e = this.additive();
    if (this.i !== this.toks.length) throw new Unsupported();
    return e;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new Unsupported();
  }

  private additive(): Expr {
    this.enter();
    let a = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.toks[this.i++] as { v: '+' | '-' }).v;
      a = { k: 'bin', op, a, b: this.term() };
    }
    this.depth--;
    return a;
  }

  private term(): Expr {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.toks[this.i++] as { v: '*' | '/' }).v;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const minus = this.isOp('-');
      this.i++;
      this.enter();
      const a = this.unary();
      this.depth--;
      return minus ? { k: 'neg', a } : a;
    }
    let a = this.primary();
    while (this.isOp('%')) {
      this.i++;
      a = { k: 'pct', a };
    }
    return a;
  }

  private primary(): Expr {
    const t = this.toks[this.i++];
    if (!t) throw new Unsupported();
    if (t.t === 'num') {
      const r = ratFromDecimal(t.v);
      if (!r) throw new Unsupported();
      return { k: 'num', r };
    }
    if (t.t === 'str') return { k: 'str', s: t.v };
    if (t.t === 'op') {
      if (t.v !== '(') throw new Unsupported();
      const e = this.additive();
      this.expect(')');
      return e;
    }
    if (t.t === 'sheet') {
      const w = this.toks[this.i++];
      if (w?.t !== 'word') throw new Unsupported();
      return this.reference(w.v, t.v);
    }
    const upper = t.v.toUpperCase();
    if (this.isOp('(')) {
      if (upper !== 'SUM' && upper !== 'ROUND') throw new Unsupported();
      this.i++;
      const args: Expr[] = [];
      if (!this.isOp(')')) {
        for (;;) {
          args.push(this.additive());
          if (this.isOp(',')) {
            this.i++;
            continue;
          }
          break;
        }
      }
      this.expect(')');
      if (upper === 'ROUND' && args.length !== 2) throw new Unsupported();
      if (upper === 'SUM' && args.length === 0) throw new Unsupported();
      return { k: 'fn', name: upper, args };
    }
    if (upper === 'TRUE' || upper === 'FALSE') return { k: 'bool', b: upper === 'TRUE' };
    return this.reference(t.v, undefined);
  }

  /** `A1`, `$A$1`, `A1:B3`, `A:B` (after an optional sheet). */
  private reference(first: string, sheet: string | undefined): Expr {
    const base = sheet !== undefined ? { sheet } : {};
    const a = cellOf(first);
    if (a) {
      if (!this.isOp(':')) return { k: 'ref', ...base, top: a.row, left: a.col, bottom: a.row, right: a.col };
      this.i++;
      const w = this.toks[this.i++];
      const b = w?.t === 'word' ? cellOf(w.v) : null;
      if (!b) throw new Unsupported();
      return {
        k: 'ref',
        ...base,
        top: Math.min(a.row, b.row),
        left: Math.min(a.col, b.col),
        bottom: Math.max(a.row, b.row),
        right: Math.max(a.col, b.col),
      };
    }
    const c = COLUMN.exec(first);
    if (c && this.isOp(':')) {
      this.i++;
      const w = this.toks[this.i++];
      const d = w?.t === 'word' ? COLUMN.exec(w.v) : null;
      if (!d) throw new Unsupported();
      const x = columnIndex(c[1]!);
      const y = columnIndex(d[1]!);
      if (x < 0 || y < 0 || x > 16383 || y > 16383) throw new Unsupported();
      return { k: 'ref', ...base, top: 0, left: Math.min(x, y), bottom: MAX_ROW, right: Math.max(x, y) };
    }
    throw new Unsupported(); // a defined name, a row range, a function without parentheses
  }
}

/** The formula (without its `=`) as a tree; null when it holds anything this evaluator does not. */
export function parseFormula(formula: string): Expr | null {
  if (formula.length > MAX_FORMULA_LENGTH) return null;
  try {
    return new Parser(tokenize(formula.startsWith('=') ? formula.slice(1) : formula)).parse();
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
