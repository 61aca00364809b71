import type { WorkbookSnapshot } from './snapshot/types';
import type { DisclosureDocument } from './model';
import type { CheckConfig } from './rules/config';
import type { Finding, Lang } from './rules/types';
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
}

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
  };
}
