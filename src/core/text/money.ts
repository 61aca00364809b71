/**
 * Money in the disclosure texts, parsed into exact integer fen (分). Never binary floating
 * point for sums: 723.84万元 is 7_238_400_00 fen, computed from the digits.
 *
 * OWNER: text/money helper — the signatures below are the contract other modules code against.
 */

/** A typed failure: parsers never throw on bad input. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string; readonly reasonEn: string };

export type MoneyUnit = '元' | '万元' | '亿元';

export interface MoneyAmount {
  /** The amount in fen (分), an exact integer. */
  readonly fen: number;
  /** The unit as written (`25万` counts as 万元; `￥150,000.00` as 元). */
  readonly unit: MoneyUnit;
  /** 约/预计/不超过/左右/余/多 make an amount approximate. */
  readonly approximate: boolean;
  /** The qualifier word when there is one (`约`, `预计`, `余`…). */
  readonly qualifier?: string;
  /**
   * The value in fen of one step of the last written digit: `10万元` → 1_000_000 (1万元),
   * `10.5万元` → 100_000 (0.1万元), `12000元` → 100 (1元), `￥150,000.00` → 1.
   * Approximate amounts compare at this precision.
   */
  readonly precisionFen: number;
  /** A rate (`每县每年15万元`, `3.12万元/人`, `723.84万元/年`): the amount is per this unit. */
  readonly per?: string;
  /** How it was written: Arabic figure, 大写 capitals, or with the ￥/¥ sign. */
  readonly form: 'figure' | 'uppercase' | 'symbol';
  /** Span in the original (un-normalised) text. */
  readonly offset: number;
  readonly length: number;
  /** The original text of the span. */
  readonly text: string;
}

/** A count that is not money: `232人`, `87个`, `1.2万人`, `3100人`. */
export interface Quantity {
  /** The value, exact for integers (1.2万人 → 12000). */
  readonly value: number;
  /** The counting unit as written: 人, 个, 所, 次, 人次, 名… */
  readonly unit: string;
  readonly approximate: boolean;
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** Every money amount in a text, in order. Non-money numbers (人, %, dates, 〔2023〕4号) are skipped. */
export function findAmounts(text: string): MoneyAmount[] {
  void text;
  throw new Error('findAmounts: not implemented yet');
}

/** Parses a string that is exactly one amount (`10万元`, `￥150，000.00`, `壹拾伍万元整`). */
export function parseMoney(text: string): ParseResult<MoneyAmount> {
  void text;
  throw new Error('parseMoney: not implemented yet');
}

/** Every count (number + counting unit) in a text, in order. */
export function findQuantities(text: string): Quantity[] {
  void text;
  throw new Error('findQuantities: not implemented yet');
}

/** Formats fen as an accountant writes it: 7238400 fen in 万元 → `72.384`; unit chosen by caller. */
export function formatFen(fen: number, unit: MoneyUnit = '元'): string {
  void fen;
  void unit;
  throw new Error('formatFen: not implemented yet');
}
