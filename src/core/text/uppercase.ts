/**
 * 大写金额 (capital-letter amounts, as on Chinese invoices): 壹拾伍万元整, 壹佰零伍元伍角.
 * OWNER: text/money helper — the signatures below are the contract other modules code against.
 */
import type { ParseResult } from './money';

/** Parses a 大写金额 (with or without 人民币 prefix and 整 suffix) into fen; rejects malformed ones with a reason. */
export function parseUppercase(text: string): ParseResult<{ fen: number }> {
  void text;
  throw new Error('parseUppercase: not implemented yet');
}

/** Formats fen as a 大写金额: 15_000_000 → 壹拾伍万元整; 10_550 → 壹佰零伍元伍角. */
export function formatUppercase(fen: number): string {
  void fen;
  throw new Error('formatUppercase: not implemented yet');
}
