/** The findings list's order (errors first within a project) and its same-cell pairs; pure, so tests and the e2e run can use it. */
import type { Finding } from '../../core/rules/types';

/**
 * From this many findings shown the list is windowed (only what is in view is in the DOM); below
 * it every finding is rendered, in sections by project (the browser's find-in-page sees them all).
 */
export const WINDOW_FROM = 300;

export interface Group {
  readonly project: string;
  readonly rules: { readonly rule: string; readonly findings: Finding[] }[];
  count: number;
}

/** Errors before warnings before infos; explained findings (no longer counted) last. */
export function findingRank(f: Finding): number {
  return f.explanation ? 3 : f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2;
}

/**
 * Groups by project (in order of first appearance), then by rule; within a project the rules with
 * errors come first, then warnings, then infos (each rule's findings in the same order; ties keep
 * the workbook's order).
 */
export function groupFindings(findings: readonly Finding[]): Group[] {
  const groups: Group[] = [];
  const byProject = new Map<string, Group>();
  for (const f of findings) {
    const p = f.project ?? '';
    let g = byProject.get(p);
    if (!g) {
      g = { project: p, rules: [], count: 0 };
      byProject.set(p, g);
      groups.push(g);
    }
    let r = g.rules.find((x) => x.rule === f.rule);
    if (!r) g.rules.push((r = { rule: f.rule, findings: [] }));
    r.findings.push(f);
    g.count++;
  }
  for (const g of groups) {
    for (const r of g.rules) r.findings.sort((a, b) => findingRank(a) - findingRank(b));
    g.rules.sort((a, b) => findingRank(a.findings[0]!) - findingRank(b.findings[0]!));
  }
  // findings outside any project go last
  return [...groups.filter((g) => g.project !== ''), ...groups.filter((g) => g.project === '')];
}

/**
 * Findings on the same cell that expect different values (a row sum says 723.84, the column sum
 * 714.84): each is shown with the others, as one problem seen two ways.
 */
export function sameCellOthers(findings: readonly Finding[]): Map<Finding, Finding[]> {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.expected === undefined || f.expected === '') continue;
    const k = `${f.sheet}\u0000${f.cell}`;
    const list = byCell.get(k);
    if (list) list.push(f);
    else byCell.set(k, [f]);
  }
  const out = new Map<Finding, Finding[]>();
  for (const list of byCell.values()) {
    if (list.length < 2) continue;
    for (const f of list) {
      const others = list.filter((o) => o !== f && o.expected !== f.expected);
      if (others.length > 0) out.set(f, others);
    }
  }
  return out;
}
