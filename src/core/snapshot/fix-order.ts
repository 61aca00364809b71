/**
 * The order fixes are applied in, and which insert a row: small, apart from insert-row.ts, so that
 * the Excel host (which lets Excel move the references) does not carry the formula shifter.
 */
import type { Fix } from '../rules/types';
import { fromA1 } from './a1';

/** Whether a fix inserts a row (else it writes a cell). */
export function isInsert(fix: Fix): boolean {
  return fix.insert === 'row';
}

/**
 * The order to apply fixes in so that every address stays right: cell writes first (at the
 * addresses the check gave), then inserts bottom-up in each sheet (a lower insert does not move
 * a higher one's row). Unparseable addresses keep their place among the writes.
 */
export function fixOrder(fixes: readonly Fix[]): Fix[];
export function fixOrder<T>(items: readonly T[], fixOf: (x: T) => Fix): T[];
export function fixOrder<T>(items: readonly T[], fixOf: (x: T) => Fix = (x) => x as unknown as Fix): T[] {
  const writes = items.filter((x) => !isInsert(fixOf(x)));
  const inserts = items.filter((x) => isInsert(fixOf(x)));
  const rowOf = (x: T): number => fromA1(fixOf(x).cell)?.row ?? -1;
  inserts.sort((a, b) => rowOf(b) - rowOf(a));
  return [...writes, ...inserts];
}
