/**
 * State shared by the ribbon commands and the task pane. With the shared runtime (manifest
 * `<Runtime lifetime="long">`) both run in the same page, but they are two bundles, so the
 * state lives on globalThis, not in a module instance.
 */
import type { CheckOutcome, CheckRequest } from '../../taskpane/host';
import type { ExcelHost } from './host';

export interface ExcelSession {
  /** The host, created once by whoever runs first (ribbon or pane). */
  host: ExcelHost | null;
  /** The last check's outcome, e.g. from the ribbon's 检查, for the pane to show when it opens. */
  last: CheckOutcome | null;
  /** The pane registers how it wants checks run (its settings: rules, language, registry). */
  request: () => CheckRequest;
  readonly listeners: Set<(outcome: CheckOutcome | null) => void>;
}

const KEY = '__disclosureCheckExcelSession';

export function excelSession(): ExcelSession {
  const g = globalThis as unknown as Record<string, ExcelSession | undefined>;
  let s = g[KEY];
  if (!s) {
    s = { host: null, last: null, request: () => ({ config: {}, lang: 'zh' }), listeners: new Set() };
    g[KEY] = s;
  }
  return s;
}

/** Records an outcome (or null after 清除标记) and tells the pane. */
export function publishOutcome(outcome: CheckOutcome | null): void {
  const s = excelSession();
  s.last = outcome;
  for (const l of [...s.listeners]) l(outcome);
}

/** The pane listens for checks run from the ribbon; returns the unsubscribe function. */
export function onOutcome(listener: (outcome: CheckOutcome | null) => void): () => void {
  const s = excelSession();
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}
