/**
 * The rule index: an explicit, sorted list. A test fails when a rule module exists without an
 * entry here, or an entry without its doc page (docs/rules/<id>.md) or its test file.
 */
import type { Lang, MessageTemplate, Rule, RuleGroup } from './types';
import arithmetic from './arithmetic';
import duplicateText from './duplicate-text';
import formulaUncalculated from './formula-uncalculated';
import fundingAmountMissing from './funding-amount-missing';
import headingNumbering from './heading-numbering';
import placeholderText from './placeholder-text';
import planFundingMismatch from './plan-funding-mismatch';
import projectNumbering from './project-numbering';
import repeatedItem from './repeated-item';
import schoolCodeCategory from './school-code-category';
import schoolCodeDuplicate from './school-code-duplicate';
import schoolCodeFormat from './school-code-format';
import schoolCodeMissing from './school-code-missing';
import schoolCodeProvince from './school-code-province';
import schoolCodeRegistryMismatch from './school-code-registry-mismatch';
import schoolNameFormat from './school-name-format';
import sectionDuplicate from './section-duplicate';
import sectionEmpty from './section-empty';
import sectionMissing from './section-missing';
import sectionOrder from './section-order';
import staleYear from './stale-year';
import tableRowMismatch from './table-row-mismatch';
import tableTotalMismatch from './table-total-mismatch';
import textTableMismatch from './text-table-mismatch';
import totalMismatch from './total-mismatch';
import uppercaseMalformed from './uppercase-malformed';
import uppercaseMismatch from './uppercase-mismatch';

export const RULES: readonly Rule[] = [
  arithmetic,
  duplicateText,
  formulaUncalculated,
  fundingAmountMissing,
  headingNumbering,
  placeholderText,
  planFundingMismatch,
  projectNumbering,
  repeatedItem,
  schoolCodeCategory,
  schoolCodeDuplicate,
  schoolCodeFormat,
  schoolCodeMissing,
  schoolCodeProvince,
  schoolCodeRegistryMismatch,
  schoolNameFormat,
  sectionDuplicate,
  sectionEmpty,
  sectionMissing,
  sectionOrder,
  staleYear,
  tableRowMismatch,
  tableTotalMismatch,
  textTableMismatch,
  totalMismatch,
  uppercaseMalformed,
  uppercaseMismatch,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

/** The groups of 设置, in the order an accountant reads a disclosure, with their names. */
export const RULE_GROUPS: readonly { readonly id: RuleGroup; readonly name: MessageTemplate }[] = [
  { id: 'structure', name: { zh: '结构', en: 'Structure' } },
  { id: 'amount', name: { zh: '金额', en: 'Amounts' } },
  { id: 'text', name: { zh: '文字', en: 'Text' } },
  { id: 'school', name: { zh: '学校表', en: 'School table' } },
];

/**
 * How a surface names a rule to its reader: the Chinese name (标题编号) in Chinese, the stable id
 * in English (the id is what English users, JSON and tooltips know). Unknown ids stay as they are.
 */
export function ruleLabel(id: string, lang: Lang): string {
  if (lang === 'en') return id;
  return ruleById(id)?.meta.name.zh ?? id;
}
