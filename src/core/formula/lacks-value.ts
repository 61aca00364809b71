import type { Cell } from '../snapshot/types';

/** Whether a cell is a formula saved without its value (its own module: the rules need it, not the evaluator). */
export function lacksValue(c: Cell): boolean {
  return c.formula !== undefined && c.kind === 'empty';
}
