import type { CellRef, DisclosureDocument, SectionKey } from '../model';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh' | 'en';

/** A message template per language; `{name}` placeholders are filled from the finding\'s data. */
export interface MessageTemplate {
  readonly zh: string;
  readonly en: string;
}

/** A fix is data: the host writes `value` into `sheet!cell`. Codes are written as text. */
export interface Fix {
  readonly sheet: string;
  readonly cell: string;
  readonly value: string | number;
  /** How to write it: 'text' forces a text cell (school codes), 'number' a number. */
  readonly kind: 'text' | 'number';
  /**
   * True when the target cell is not empty (a name to normalise, an error value to replace):
   * hosts apply such a fix only after the user confirms the overwrite (SPEC §5).
   */
  readonly overwrite?: boolean;
  /**
   * 'row': a row is inserted at `cell`'s row first (that row and the rows below move down one),
   * then `value` is written into `cell` (section-missing's 插入缺少的部分). Hosts apply it only after
   * the user confirms, and bottom-up when several fall in one sheet (core/snapshot/insert-row.ts).
   */
  readonly insert?: 'row';
}

/** Where 设置 lists a rule: 结构 / 金额 / 文字 / 学校表, the order an accountant reads a disclosure. */
export type RuleGroup = 'structure' | 'amount' | 'text' | 'school';

export interface RuleMeta<MessageId extends string = string> {
  readonly id: string;
  /**
   * The rule's short name (标题编号, 缺少学校代码): what the Chinese pane, notes, 检查结果 and text
   * report show in place of the id (the id stays in JSON, tooltips and the English UI).
   */
  readonly name: MessageTemplate;
  readonly group: RuleGroup;
  readonly defaultSeverity: Severity;
  readonly fixable: boolean;
  readonly description: MessageTemplate;
  readonly messages: Readonly<Record<MessageId, MessageTemplate>>;
  /** Default option values this rule reads from the run\'s options (documented in docs/rules). */
  readonly defaultOptions?: Readonly<Record<string, unknown>>;
}

/**
 * An offer a surface can make on a finding: map one of the project's own headings (that name no
 * standard section) to one of the sections it lacks, for this workbook (disclosure/heading-map.ts).
 */
export interface HeadingMapOffer {
  readonly headings: readonly { readonly text: string; readonly label: string; readonly sheet: string; readonly cell: string }[];
  readonly sections: readonly SectionKey[];
}

/** What a rule returns: data only. The engine adds the id, severity and rendered message. */
export interface RawFinding<MessageId extends string = string> {
  readonly messageId: MessageId;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly ref: CellRef;
  /** Project label (`项目十二`) when the finding belongs to one. */
  readonly project?: string;
  /** The school\'s full name, for table rows. */
  readonly school?: string;
  /** Header text, for table columns. */
  readonly column?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly fix?: Fix;
  /** Other cells the finding is about (the other side of a mismatch). */
  readonly related?: readonly CellRef[];
  /** The offer to map a heading to a standard section (section-missing). */
  readonly mapHeading?: HeadingMapOffer;
  /**
   * A finding that is advice only, whatever the rule's severity (repeated-item: the same name with
   * different amounts): shown as 提示 info. Turning the rule off turns it off too.
   */
  readonly advice?: true;
}

/** Options for one run. Unknown keys are ignored by rules that do not read them. */
export interface RuleOptions {
  /** Two-digit province code (GB/T 2260), e.g. '53' for 云南; when absent, the table\'s majority. */
  readonly province?: string;
  /** duplicate-text: similarity (0…1) from which two sections count as copies. Default 0.9. */
  readonly similarityThreshold?: number;
  readonly [key: string]: unknown;
}

export interface RuleContext {
  readonly options: RuleOptions;
  readonly lang: Lang;
}

export interface Rule<MessageId extends string = string> {
  readonly meta: RuleMeta<MessageId>;
  check(document: DisclosureDocument, context: RuleContext): RawFinding<MessageId>[];
}

/** A finding as every surface shows it (SPEC §7). */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly project?: string;
  readonly school?: string;
  readonly column?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly fix?: Fix;
  readonly related?: readonly { readonly sheet: string; readonly cell: string }[];
  /** The key under which an explanation (说明) is stored; see report/explanations. */
  readonly key: string;
  /** The user\'s explanation, when one is stored: the finding no longer counts. */
  readonly explanation?: string;
  /** The offer to map a heading to a standard section (section-missing). */
  readonly mapHeading?: HeadingMapOffer;
}

/** Identity helper that keeps a rule\'s message ids typed. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}
