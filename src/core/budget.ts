/**
 * The checks' work budget. The core never reads a clock: the caller (the CLI, the standalone page)
 * gives `checkWorkbook` an `overBudget` function, and the core asks it at steps of bounded work (each
 * sheet read into the document, each rule, each figure located in a text). When it answers true the
 * check stops with `CheckBudgetExceeded`, which no rule's isolation swallows.
 */
export class CheckBudgetExceeded extends Error {
  constructor() {
    super('the checks exceeded their budget');
    this.name = 'CheckBudgetExceeded';
  }
}

let over: (() => boolean) | null = null;

/** A step of bounded work: throws CheckBudgetExceeded when the caller's budget is spent. */
export function checkpoint(): void {
  if (over?.()) throw new CheckBudgetExceeded();
}

/** Runs `fn` with `overBudget` asked at every checkpoint (nested calls keep the outer budget after). */
export function withBudget<T>(overBudget: (() => boolean) | undefined, fn: () => T): T {
  if (overBudget === undefined) return fn();
  const outer = over;
  over = overBudget;
  try {
    return fn();
  } finally {
    over = outer;
  }
}
