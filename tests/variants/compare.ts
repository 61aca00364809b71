import type { Finding } from '../../src/core/rules/types';
import type { Expected } from './cases';

export interface Diff {
  missing: string[];
  unexpected: string[];
}

const fmt = (f: Finding): string => `${f.rule} ${f.sheet}!${f.cell} ${f.project ?? '-'} ${f.message}`;

function matches(f: Finding, e: Expected): boolean {
  if (f.rule !== e.rule || f.sheet !== e.sheet) return false;
  if (e.project !== undefined && f.project !== e.project) return false;
  if (e.cell === '*') return true;
  return Array.isArray(e.cell) ? e.cell.includes(f.cell) : f.cell === e.cell;
}

/** Errors and warnings only; each expected finding must match one found, and vice versa. */
export function compare(findings: readonly Finding[], expected: readonly Expected[]): Diff {
  const found = findings.filter((f) => f.severity !== 'info' && f.explanation === undefined);
  const used = new Set<number>();
  const missing: string[] = [];
  for (const e of expected) {
    const i = found.findIndex((f, j) => !used.has(j) && matches(f, e));
    if (i < 0) missing.push(`${e.rule} ${e.sheet}!${Array.isArray(e.cell) ? e.cell.join('|') : e.cell} ${e.project ?? '-'}`);
    else used.add(i);
  }
  const unexpected = found.filter((_, j) => !used.has(j)).map(fmt);
  return { missing, unexpected };
}
