import type { DisclosureDocument } from '../model';
import { toA1 } from '../snapshot/a1';
import { effectiveSeverity, ruleOptions, type CheckConfig } from './config';
import type { Finding, Lang, MessageTemplate, RawFinding, Rule } from './types';
import { CheckBudgetExceeded, checkpoint } from '../budget';

/** Fills `{name}` placeholders; a missing value leaves the placeholder visible (a bug to catch in tests). */
export function renderMessage(template: MessageTemplate, lang: Lang, data: Readonly<Record<string, string | number>> | undefined): string {
  const t = template[lang];
  if (!data) return t;
  return t.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = data[name];
    return v === undefined ? whole : String(v);
  });
}

/** Thrown by nothing: a rule that throws is reported as an internal finding instead of crashing the run. */
export interface RuleFailure {
  readonly rule: string;
  readonly error: string;
}

/**
 * Runs every enabled rule over the document. Rules are pure; a rule that throws is isolated:
 * its failure is returned in `failures` and the other rules still run.
 */
export function runRules(
  document: DisclosureDocument,
  rules: readonly Rule[],
  config: CheckConfig = {},
  lang: Lang = 'zh',
): { findings: Finding[]; failures: RuleFailure[] } {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(config, rule.meta.id, rule.meta.defaultSeverity);
    if (severity === null) continue;
    let raw: RawFinding[];
    checkpoint();
    try {
      raw = rule.check(document, { options: ruleOptions(config, rule.meta.id, rule.meta.defaultOptions), lang });
    } catch (e) {
      if (e instanceof CheckBudgetExceeded) throw e;
      failures.push({ rule: rule.meta.id, error: e instanceof Error ? e.message : String(e) });
      continue;
    }
    for (const r of raw) {
      const template = rule.meta.messages[r.messageId];
      const message = template ? renderMessage(template, lang, r.data) : r.messageId;
      const cell = toA1(r.ref.row, r.ref.col);
      // built member by member in the order the spreads used to give (the report's key order), without
      // copying conditional spreads: one object shape instead of one per combination of members
      const f: { -readonly [K in keyof Finding]: Finding[K] } = {
        rule: rule.meta.id,
        severity: r.advice ? 'info' : severity,
        message,
        messageId: r.messageId,
        sheet: r.ref.sheet,
        cell,
        row: r.ref.row,
        col: r.ref.col,
        key: '',
      };
      if (r.data !== undefined) f.data = r.data;
      if (r.project !== undefined) f.project = r.project;
      if (r.school !== undefined) f.school = r.school;
      if (r.column !== undefined) f.column = r.column;
      if (r.expected !== undefined) f.expected = r.expected;
      if (r.actual !== undefined) f.actual = r.actual;
      if (r.fix !== undefined) f.fix = r.fix;
      if (r.related !== undefined) f.related = r.related.map((x) => ({ sheet: x.sheet, cell: toA1(x.row, x.col) }));
      if (r.mapHeading !== undefined) f.mapHeading = r.mapHeading;
      findings.push(f);
    }
  }
  return { findings, failures };
}
