/**
 * Runs queued work in as few `context.sync()` calls as the host accepts.
 *
 * Work comes as units (a cell's fill and note, a piece of the flag record, a cell's probe),
 * packed in order into batches under a count and a size budget, one sync each. When Excel on
 * the web refuses a request or a response as too large (5 MB), the batch is halved and both
 * halves retried, as reading does; nothing of a refused request ran. When one operation fails
 * (a cell that refuses a note), Excel has applied the operations before it and none after: the
 * caller re-plans the batch from the cells' current state (so nothing is written twice) and the
 * batch is halved until the failing unit is alone; that unit is split further (fill apart from
 * note) or reported, and the rest of the batch is still done. Cell edit mode refuses a whole
 * request: it is passed up, for the host to retry after the edit.
 */
import { isCellEditError, isPayloadError, type XlContext } from './api';

export interface Unit {
  /** Estimated request bytes. */
  readonly bytes: number;
  /** Queues the unit's operations on the context. */
  queue(): void;
  /** Smaller units doing the same work, tried when this unit fails alone (e.g. fill, then note). */
  split?(): Unit[];
  /** The unit could not be done alone: record what was left undone. */
  fail?(error: unknown): void;
  /** The sync holding the unit succeeded. */
  done?(): void;
}

export interface RunOptions {
  readonly maxUnits: number;
  readonly maxBytes: number;
  /** Queued at the start of every batch (e.g. events off). */
  readonly prefix?: () => void;
  /** Queued at the end of the last batch (e.g. events back on). */
  readonly suffix?: () => void;
  /**
   * After a batch failed at one of its operations: the units still to do, from the cells'
   * current state (one read sync). Without it, the batch's units are retried as they are.
   */
  readonly replan?: (units: readonly Unit[]) => Promise<Unit[]>;
  /** Failed syncs allowed before the remaining units are all reported as failed. */
  readonly maxFailures?: number;
}

/** Bytes of a string in UTF-8, as Excel counts a payload (a Chinese character is 3). */
export function utf8Length(s: string): number {
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x800)
      bytes += c >= 0xd800 && c <= 0xdbff ? 1 : 2; // 3 bytes, or 4 for a surrogate pair (2 units)
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

/** Bytes of a string sent as a JSON string in a request (quotes escaped, UTF-8). */
export const wireLength = (s: string): number => utf8Length(JSON.stringify(s));

/** Packs units, in order, into batches within the count and size budgets. */
export function pack(units: readonly Unit[], maxUnits: number, maxBytes: number): Unit[][] {
  const out: Unit[][] = [];
  let cur: Unit[] = [];
  let size = 0;
  for (const u of units) {
    if (cur.length > 0 && (cur.length >= maxUnits || size + u.bytes > maxBytes)) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(u);
    size += u.bytes;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

function halves<T>(list: readonly T[]): T[][] {
  const mid = Math.ceil(list.length / 2);
  return [list.slice(0, mid), list.slice(mid)];
}

/**
 * Runs the units; every unit ends done or failed. Throws only for cell edit mode. Resolves to
 * whether the suffix ran (the last batch succeeded), so the caller can queue it otherwise.
 */
export async function runUnits(context: XlContext, units: readonly Unit[], options: RunOptions): Promise<boolean> {
  const queue = pack(units, options.maxUnits, options.maxBytes);
  let failures = 0;
  let suffixDone = false;
  const maxFailures = options.maxFailures ?? 48;
  while (queue.length > 0) {
    const batch = queue.shift()!;
    options.prefix?.();
    for (const u of batch) u.queue();
    if (queue.length === 0) options.suffix?.();
    try {
      await context.sync();
      for (const u of batch) u.done?.();
      suffixDone = queue.length === 0;
      continue;
    } catch (e) {
      if (isCellEditError(e)) throw e;
      if (++failures > maxFailures) {
        for (const u of [batch, ...queue].flat()) u.fail?.(e);
        return false;
      }
      const payload = isPayloadError(e);
      const again = payload || !options.replan ? batch : await options.replan(batch);
      if (again.length > 1) queue.unshift(...halves(again));
      else if (again.length === 1) {
        const parts = again[0]!.split?.() ?? [];
        if (parts.length > 1) queue.unshift(...parts.map((p) => [p]));
        else again[0]!.fail?.(e);
      }
    }
  }
  return suffixDone;
}
