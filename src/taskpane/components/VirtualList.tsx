/**
 * A windowed list (issue 14, large workbooks): of thousands of rows only those in the viewport,
 * plus a few either side (overscan), are in the DOM. Written here rather than taken from npm: the
 * pane's initial JS is at its budget, and this is all the pane needs.
 *
 * - Rows have measured heights (findings wrap, a 说明 box opens): each rendered row is measured
 *   after layout and again when it resizes; rows never rendered count at their estimate. When a row
 *   above the viewport turns out taller or shorter than counted, the scroll is moved by as much, so
 *   what the user is reading stays put.
 * - The viewport is the nearest scrolling ancestor, or the window (the task pane scrolls as a page).
 * - Screen readers: one role=list whose items carry aria-setsize (all rows) and aria-posinset.
 * - Keyboard: Tab moves through what is rendered (the overscan holds the next row, and focusing it
 *   scrolls it in); ↑/↓, PageUp/PageDown, Home/End move between rows past the window. The focused
 *   row and `keep` (the selected one) stay rendered wherever the list is scrolled.
 */
import {
  Fragment,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type ReactElement,
} from 'react';

/** What a row must put on its outer element (an `<li>`). */
export interface RowProps {
  readonly style: CSSProperties;
  readonly role: 'listitem';
  readonly 'aria-setsize': number;
  readonly 'aria-posinset': number;
  readonly 'data-index': number;
  readonly 'data-key': string;
}

export interface VirtualListProps {
  readonly count: number;
  /** A stable key of row i (measured heights are remembered by key). */
  readonly rowKey: (i: number) => string;
  /** Row i's height in px before it is measured. */
  readonly estimate: (i: number) => number;
  readonly renderRow: (i: number, props: RowProps) => ReactElement;
  /** Rows rendered beyond each edge of the viewport (default 4). */
  readonly overscan?: number | undefined;
  /** A row kept rendered, and brought into view when it becomes another row (the selected finding). */
  readonly keep?: number | undefined;
  /** What ↑/↓ focus in a row (default: its first button). */
  readonly focusSelector?: string | undefined;
  readonly className?: string | undefined;
  readonly 'aria-label'?: string | undefined;
}

/** Top offsets of each row and the total height (offsets has count + 1 entries). */
export function rowOffsets(heights: readonly number[]): number[] {
  const out = new Array<number>(heights.length + 1);
  out[0] = 0;
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i]! + heights[i]!;
  return out;
}

/**
 * The rows [start, end) to render for a viewport [top, bottom) in the list's own coordinates:
 * every row that overlaps it, plus `overscan` rows either side, within [0, count).
 */
export function visibleRange(offsets: readonly number[], top: number, bottom: number, overscan: number): [number, number] {
  const count = offsets.length - 1;
  if (count <= 0) return [0, 0];
  // first row whose bottom is below `top`
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= top) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < count && offsets[end]! < bottom) end++;
  const start = Math.min(lo, count - 1);
  return [Math.max(0, start - overscan), Math.min(count, Math.max(end, start + 1) + overscan)];
}

type Scroller = Window | HTMLElement;

function scrollerOf(el: HTMLElement): Scroller {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if (o === 'auto' || o === 'scroll' || o === 'overlay') return p;
  }
  return window;
}

/** The scroller's visible band in the list's coordinates. */
function viewport(list: HTMLElement, scroller: Scroller): { top: number; bottom: number } {
  const r = list.getBoundingClientRect();
  if (scroller === window) return { top: -r.top, bottom: window.innerHeight - r.top };
  const s = (scroller as HTMLElement).getBoundingClientRect();
  return { top: s.top - r.top, bottom: s.bottom - r.top };
}

/** The scroller's scroll-padding-top: a sticky box over the top of the view (the page's cell preview). */
function paddingTop(scroller: Scroller): number {
  const el = scroller === window ? document.documentElement : (scroller as HTMLElement);
  const v = Number.parseFloat(getComputedStyle(el).scrollPaddingTop);
  return Number.isFinite(v) ? v : 0;
}

function scrollBy(scroller: Scroller, dy: number): void {
  if (dy === 0) return;
  if (scroller === window) window.scrollBy(0, dy);
  else (scroller as HTMLElement).scrollTop += dy;
}

const same = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];

interface Latest {
  offsets: number[];
  count: number;
  overscan: number;
  rowKey: (i: number) => string;
  estimate: (i: number) => number;
}

function offsetsOf(
  count: number,
  heights: ReadonlyMap<string, number>,
  rowKey: (i: number) => string,
  estimate: (i: number) => number,
): number[] {
  const hs = new Array<number>(count);
  for (let i = 0; i < count; i++) hs[i] = heights.get(rowKey(i)) ?? estimate(i);
  return rowOffsets(hs);
}

export function VirtualList(props: VirtualListProps): ReactElement {
  const { count, rowKey, estimate, keep } = props;
  const overscan = props.overscan ?? 4;
  const listRef = useRef<HTMLUListElement | null>(null);
  const scroller = useRef<Scroller | null>(null);
  /** The rendered rows' elements by index (read from the DOM after each render). */
  const rows = useRef(new Map<number, HTMLElement>());
  const observer = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Set<HTMLElement>());
  /** A row to focus once rendered (keyboard navigation). */
  const pendingFocus = useRef<number | null>(null);
  /** Measured heights by row key: the state renders them, the ref lets callbacks compare without a render. */
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const heightsNow = useRef<ReadonlyMap<string, number>>(heights);
  const [range, setRange] = useState<[number, number]>(() => [
    0,
    count === 0
      ? 0
      : Math.min(count, Math.ceil((typeof window === 'undefined' ? 800 : window.innerHeight) / Math.max(1, estimate(0))) + overscan),
  ]);
  /** The row holding the focus (kept rendered wherever the list is scrolled). */
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const offsets = offsetsOf(count, heights, rowKey, estimate);
  const latest = useRef<Latest>({ offsets, count, overscan, rowKey, estimate });
  useLayoutEffect(() => {
    latest.current = { offsets, count, overscan, rowKey, estimate };
  });

  const update = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    scroller.current ??= scrollerOf(list);
    const v = viewport(list, scroller.current);
    const { offsets: o, overscan: n } = latest.current;
    const next = visibleRange(o, v.top, v.bottom, n);
    setRange((prev) => (same(prev, next) ? prev : next));
  }, []);

  /** Scrolls the least that shows row i whole (its top if it is taller than the view), below any scroll-padding-top. */
  const bringIntoView = useCallback((i: number) => {
    const list = listRef.current;
    if (!list) return;
    scroller.current ??= scrollerOf(list);
    const o = latest.current.offsets;
    if (i < 0 || i >= o.length - 1) return;
    const v = viewport(list, scroller.current);
    v.top += paddingTop(scroller.current);
    const top = o[i]!;
    const bottom = o[i + 1]!;
    if (top < v.top) scrollBy(scroller.current, top - v.top);
    else if (bottom > v.bottom) scrollBy(scroller.current, Math.min(bottom - v.bottom, top - v.top));
  }, []);

  // the viewport moves: scroll and resize
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const s = (scroller.current ??= scrollerOf(list));
    s.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      s.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [update]);

  /**
   * Measures the rendered rows and renders again if any changed; rows above the viewport that
   * changed move the scroll by as much, so what is in view stays put.
   */
  const measure = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    scroller.current ??= scrollerOf(list);
    const v = viewport(list, scroller.current);
    const l = latest.current;
    const o = l.offsets;
    let next: Map<string, number> | null = null;
    let above = 0;
    for (const [i, el] of rows.current) {
      const h = el.getBoundingClientRect().height;
      // a hidden list (display: none) measures 0: keep what is known
      if (!(h > 0)) continue;
      const key = el.dataset.key ?? '';
      const old = heightsNow.current.get(key) ?? o[i + 1]! - o[i]!;
      if (Math.abs(old - h) < 0.5) continue;
      next ??= new Map(heightsNow.current);
      next.set(key, h);
      if (o[i + 1]! <= v.top) above += h - old;
    }
    if (!next) return;
    heightsNow.current = next;
    // the scroll below (and its event) must see the new heights already
    l.offsets = offsetsOf(l.count, next, l.rowKey, l.estimate);
    if (above !== 0 && v.top > 0) scrollBy(scroller.current, above);
    setHeights(next);
  }, []);

  // after each render: find the rows, measure them, settle the range; then focus a row asked for by the keyboard
  useLayoutEffect(() => {
    rows.current.clear();
    for (const el of listRef.current?.children ?? []) {
      if (el instanceof HTMLElement && el.dataset.index !== undefined) rows.current.set(Number(el.dataset.index), el);
    }
    const ro = observer.current;
    for (const el of observed.current) {
      if (!el.isConnected) {
        ro?.unobserve(el);
        observed.current.delete(el);
      }
    }
    if (ro) {
      for (const el of rows.current.values()) {
        if (!observed.current.has(el)) {
          ro.observe(el);
          observed.current.add(el);
        }
      }
    }
    measure();
    update();
    const want = pendingFocus.current;
    const el = want === null ? undefined : rows.current.get(want);
    if (want !== null && el) {
      pendingFocus.current = null;
      (el.querySelector<HTMLElement>(props.focusSelector ?? 'button') ?? el).focus({ preventScroll: true });
      bringIntoView(want);
    }
  });

  // a row that grows or shrinks on its own (a 说明 box opened, the pane resized)
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    const watched = observed.current;
    observer.current = ro;
    for (const el of rows.current.values()) {
      ro.observe(el);
      watched.add(el);
    }
    return () => {
      ro.disconnect();
      observer.current = null;
      watched.clear();
    };
  }, [measure]);

  // the kept row (selected) is brought into view when it becomes another row — not when the list
  // around it changes (a 说明 saved further down re-checks and moves rows: the view stays put)
  const keepKey = keep !== undefined && keep >= 0 && keep < count ? rowKey(keep) : undefined;
  useLayoutEffect(() => {
    if (keepKey === undefined) return;
    const l = latest.current;
    for (let i = 0; i < l.count; i++) {
      if (l.rowKey(i) === keepKey) {
        bringIntoView(i);
        return;
      }
    }
  }, [keepKey, bringIntoView]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest('textarea, input, select, [contenteditable="true"]')) return;
    const row = target.closest<HTMLElement>('[data-index]');
    if (row?.parentElement !== listRef.current) return;
    const i = Number(row.dataset.index);
    const page = Math.max(1, range[1] - range[0] - 2 * overscan);
    const next =
      e.key === 'ArrowDown'
        ? i + 1
        : e.key === 'ArrowUp'
          ? i - 1
          : e.key === 'PageDown'
            ? i + page
            : e.key === 'PageUp'
              ? i - page
              : e.key === 'Home'
                ? 0
                : e.key === 'End'
                  ? count - 1
                  : null;
    if (next === null) return;
    e.preventDefault();
    const to = Math.max(0, Math.min(count - 1, next));
    pendingFocus.current = to;
    bringIntoView(to);
    // renders the row (kept as the focused one); the layout effect then focuses it
    setFocusKey(rowKey(to));
  };

  const onFocus = (e: FocusEvent<HTMLUListElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (row?.parentElement === listRef.current) setFocusKey(row.dataset.key ?? null);
  };

  const start = Math.min(range[0], count);
  const end = Math.min(range[1], count);
  const shown: number[] = [];
  const extra = (i: number | undefined) => {
    if (i !== undefined && i >= 0 && i < count && (i < start || i >= end) && !shown.includes(i)) shown.push(i);
  };
  extra(keep);
  if (focusKey !== null) {
    for (let i = 0; i < count; i++) {
      if (rowKey(i) === focusKey) {
        extra(i);
        break;
      }
    }
  }
  for (let i = start; i < end; i++) shown.push(i);
  shown.sort((a, b) => a - b);

  return (
    <ul
      ref={listRef}
      role="list"
      aria-label={props['aria-label']}
      className={props.className}
      style={{ position: 'relative', height: offsets[count], listStyleType: 'none', margin: 0, padding: 0, overflowAnchor: 'none' }}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-virtual-list=""
    >
      {shown.map((i) => {
        const key = rowKey(i);
        return (
          <Fragment key={key}>
            {props.renderRow(i, {
              style: { position: 'absolute', top: offsets[i], left: 0, right: 0, display: 'flow-root' },
              role: 'listitem',
              'aria-setsize': count,
              'aria-posinset': i + 1,
              'data-index': i,
              'data-key': key,
            })}
          </Fragment>
        );
      })}
    </ul>
  );
}
