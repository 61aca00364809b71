import type { WorkbookSnapshot } from './snapshot/types';
import type { DisclosureDocument } from './model';
import type { CheckConfig } from './rules/config';
import type { Finding, Lang, MessageTemplate } from './rules/types';
import { runRules, type RuleFailure } from './rules/engine';
import { RULES } from './rules/index';
import { buildDocument } from './document';
import { applyExplanations } from './report/explanations';
import { sortFindings, summarize, type Summary } from './report/report';
import { withBudget } from './budget';

export interface CheckInput {
  readonly snapshot: WorkbookSnapshot;
  readonly config?: CheckConfig;
  readonly lang?: Lang;
  readonly registry?: { readonly snapshot: WorkbookSnapshot; readonly source: string };
  /**
   * Asked at steps of bounded work (see core/budget.ts): true stops the check with
   * CheckBudgetExceeded. The CLI gives the checks the read's time budget.
   */
  readonly overBudget?: () => boolean;
}

export interface CheckResult {
  readonly document: DisclosureDocument;
  readonly findings: Finding[];
  readonly summary: Summary;
  /** Rules that threw: reported, never fatal. */
  readonly failures: RuleFailure[];
  /** True when the workbook holds no project and no school table: nothing to check. */
  readonly nothingToCheck: boolean;
  /**
   * The name and description of every rule, by id: what a surface shows beside a finding, carried with the result so
   * that a pane can show them without loading the rules (the task pane loads the checks only when it first checks).
   */
  readonly rules: Readonly<Record<string, RuleInfo>>;
}

/** A rule's name and one-line description, in both languages. */
export interface RuleInfo {
  readonly name: MessageTemplate;
  readonly description: MessageTemplate;
}

const RULE_INFO: Readonly<Record<string, RuleInfo>> = Object.fromEntries(
  RULES.map((r) => [r.meta.id, { name: r.meta.name, description: r.meta.description }]),
);

/** The one entry point every surface calls: snapshot in, sorted findings out. Pure. */
export function checkWorkbook(input: CheckInput): CheckResult {
  return withBudget(input.overBudget, () => check(input));
}

function check(input: CheckInput): CheckResult {
  const config = input.config ?? {};
  const lang = input.lang ?? config.lang ?? 'zh';
  const document = buildDocument(input.snapshot, {
    config,
    ...(input.registry !== undefined && { registry: input.registry }),
  });
  const { findings, failures } = runRules(document, RULES, config, lang);
  const sorted = sortFindings(applyExplanations(findings, document.snapshot), document.snapshot);
  return {
    document,
    findings: sorted,
    summary: summarize(sorted),
    failures,
    nothingToCheck: document.projects.length === 0 && document.tables.length === 0,
    rules: RULE_INFO,
  };
}
