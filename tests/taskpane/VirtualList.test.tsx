// @vitest-environment jsdom
/**
 * The windowed findings list (issue 14, large workbooks): which rows are in the DOM for a scroll
 * position, what screen readers are told (aria-setsize, aria-posinset), the keyboard moving past
 * the window, the selected finding brought into view — and, on the pane's FindingList, a list of
 * 5,000 findings rendering only what is visible while small lists keep their sections.
 *
 * jsdom lays nothing out: the tests give each row a height and the list a place in the window
 * (getBoundingClientRect) and move the window's scroll themselves.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { VirtualList, rowOffsets, visibleRange } from '../../src/taskpane/components/VirtualList';
import { FindingList, WINDOW_FROM } from '../../src/taskpane/components/FindingList';
import { groupFindings } from '../../src/taskpane/components/findingOrder';
import { strings } from '../../src/taskpane/i18n';
import type { Finding } from '../../src/core/rules/types';
import { finding } from './fixtures';

/** The page's layout as the tests set it: row heights, where the list starts, the window's scroll. */
const layout = { rowHeight: 50, listTop: 0, scrollY: 0, innerHeight: 500 };
let scrolls: number[] = [];

function rect(top: number, height: number): DOMRect {
  return { top, bottom: top + height, height, left: 0, right: 320, width: 320, x: 0, y: top, toJSON: () => ({}) };
}

beforeEach(() => {
  Object.assign(layout, { rowHeight: 50, listTop: 0, scrollY: 0, innerHeight: 500 });
  scrolls = [];
  vi.spyOn(window, 'innerHeight', 'get').mockImplementation(() => layout.innerHeight);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    if (this.dataset.virtualList !== undefined) return rect(layout.listTop - layout.scrollY, 0);
    if (this.dataset.index !== undefined) {
      const h = this.dataset.tall !== undefined ? 3 * layout.rowHeight : layout.rowHeight;
      return rect(0, h);
    }
    return rect(0, 0);
  });
  const scrollBy = (_x: number, y: number): void => {
    scrolls.push(y);
    // called by the list inside React's work (already in act): the browser's scroll event follows
    layout.scrollY += y;
    window.dispatchEvent(new Event('scroll'));
  };
  vi.spyOn(window, 'scrollBy').mockImplementation(scrollBy);
  observers.length = 0;
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** jsdom has no ResizeObserver: this one reports when the test says a row resized. */
const observers: FakeResizeObserver[] = [];
class FakeResizeObserver {
  readonly watched = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {
    observers.push(this);
  }
  observe(el: Element): void {
    this.watched.add(el);
  }
  unobserve(el: Element): void {
    this.watched.delete(el);
  }
  disconnect(): void {
    this.watched.clear();
  }
  /** The row resized: tells the observers that watch it. */
  static resized(el: Element): void {
    act(() => {
      for (const o of observers) {
        if (o.watched.has(el)) o.callback([{ target: el } as unknown as ResizeObserverEntry], o);
      }
    });
  }
}

/** Scrolls the window to y and tells the list, as the browser would. */
function scrollTo(y: number): void {
  layout.scrollY = y;
  act(() => {
    window.dispatchEvent(new Event('scroll'));
  });
}

const rendered = () =>
  [...document.querySelectorAll<HTMLElement>('[role=listitem]')].map((e) => Number(e.getAttribute('aria-posinset')) - 1);

function list(count: number, extra: { keep?: number; overscan?: number } = {}) {
  return render(
    <VirtualList
      count={count}
      rowKey={(i) => `row${i}`}
      estimate={() => 50}
      overscan={extra.overscan ?? 2}
      keep={extra.keep}
      aria-label="rows"
      renderRow={(i, p) => (
        <li {...p}>
          <button type="button">row {i}</button> <button type="button">more {i}</button>
        </li>
      )}
    />,
  );
}

describe('visibleRange and rowOffsets', () => {
  const offsets = rowOffsets([10, 20, 30, 40, 50]);

  it('offsets are running sums, the last the total height', () => {
    expect(offsets).toEqual([0, 10, 30, 60, 100, 150]);
  });

  it('every row overlapping the viewport, plus the overscan either side, within the list', () => {
    expect(visibleRange(offsets, 0, 25, 0)).toEqual([0, 2]);
    expect(visibleRange(offsets, 30, 60, 0)).toEqual([2, 3]);
    expect(visibleRange(offsets, 29, 61, 0)).toEqual([1, 4]);
    expect(visibleRange(offsets, 29, 61, 1)).toEqual([0, 5]);
    expect(visibleRange(offsets, 29, 61, 9)).toEqual([0, 5]);
  });

  it('a viewport past the end shows the last rows; an empty list none', () => {
    expect(visibleRange(offsets, 500, 600, 1)).toEqual([3, 5]);
    expect(visibleRange(rowOffsets([]), 0, 100, 2)).toEqual([0, 0]);
  });
});

describe('VirtualList', () => {
  it('renders only the rows in view plus the overscan, and follows the scroll', () => {
    list(5000);
    // 500 px of 50-px rows: 10 in view, 2 below
    expect(rendered()).toEqual([...Array(12).keys()]);
    scrollTo(50 * 2000);
    expect(rendered()).toEqual([...Array(14).keys()].map((k) => 1998 + k));
    // the end of the list: its last row, and nothing past it
    scrollTo(50 * 5000 - 500);
    expect(rendered()).toEqual([...Array(12).keys()].map((k) => 4988 + k));
    expect(document.querySelector('[role=list]')!.getAttribute('style')).toContain('height: 250000px');
  });

  it('a list starting lower on the page counts from its own top', () => {
    layout.listTop = 400;
    list(100);
    // 100 px of the list in view: rows 0–1, then 2 more
    expect(rendered()).toEqual([0, 1, 2, 3]);
    scrollTo(400 + 50 * 10);
    expect(rendered()).toEqual([8, 9, ...[...Array(10).keys()].map((k) => 10 + k), 20, 21]);
  });

  it('tells screen readers the whole count and each row’s place', () => {
    list(5000);
    scrollTo(50 * 3000);
    const l = screen.getByRole('list', { name: 'rows' });
    const items = within(l).getAllByRole('listitem');
    expect(items.length).toBeLessThan(20);
    for (const it of items) expect(it.getAttribute('aria-setsize')).toBe('5000');
    expect(items[0]!.getAttribute('aria-posinset')).toBe('2999');
    expect(items.at(-1)!.textContent).toContain(`row ${Number(items.at(-1)!.getAttribute('aria-posinset')) - 1}`);
  });

  it('rows are placed at their measured heights; a row above the view that grows moves the scroll by as much', () => {
    list(1000);
    scrollTo(50 * 100);
    const top = (i: number) => document.querySelector<HTMLElement>(`[data-index="${i}"]`)!.style.top;
    expect(top(100)).toBe('5000px');
    // row 99 (in the overscan above the view) turns out three times as tall
    const row99 = document.querySelector<HTMLElement>('[data-index="99"]')!;
    row99.dataset.tall = '';
    scrolls = [];
    FakeResizeObserver.resized(row99);
    expect(scrolls).toEqual([100]);
    expect(top(100)).toBe('5100px');
  });

  it('↓ and ↑ move the focus row by row past the window, End and Home to the ends', () => {
    list(5000);
    const first = screen.getByRole('button', { name: 'row 0' });
    first.focus();
    // down past the rendered rows (0–11): each step renders and focuses the next, scrolling it in
    for (let k = 0; k < 20; k++) fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement!.textContent).toBe('row 20');
    expect(layout.scrollY).toBe(21 * 50 - 500);
    expect(rendered()).toContain(20);
    expect(rendered()).not.toContain(0);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement!.textContent).toBe('row 4999');
    expect(layout.scrollY).toBe(5000 * 50 - 500);
    expect(document.activeElement!.closest('[role=listitem]')!.getAttribute('aria-posinset')).toBe('5000');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement!.textContent).toBe('row 4998');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement!.textContent).toBe('row 0');
    expect(layout.scrollY).toBe(0);
  });

  it('the focused row stays in the DOM when the list is scrolled away from it', () => {
    list(5000);
    screen.getByRole('button', { name: 'more 3' }).focus();
    fireEvent.focus(document.activeElement!);
    scrollTo(50 * 4000);
    expect(rendered()).toContain(3);
    expect(document.activeElement!.textContent).toBe('more 3');
  });

  it('a row brought into view lands below the page’s scroll-padding-top (the sticky cell preview)', () => {
    document.documentElement.style.setProperty('scroll-padding-top', '120px');
    try {
      list(5000, { keep: 3000 });
      scrollTo(50 * 4000);
      fireEvent.keyDown(screen.getByRole('button', { name: 'row 3000' }), { key: 'ArrowUp' });
      expect(document.activeElement!.textContent).toBe('row 2999');
      expect(layout.scrollY).toBe(2999 * 50 - 120);
    } finally {
      document.documentElement.style.removeProperty('scroll-padding-top');
    }
  });

  it('the kept (selected) row is rendered and brought into view when it changes', () => {
    const view = list(5000, { keep: 2500 });
    // scrolled so that row 2500 is the last in view
    expect(layout.scrollY).toBe(2501 * 50 - 500);
    expect(rendered()).toContain(2500);
    // scrolled away, it stays rendered
    scrollTo(0);
    expect(rendered()).toContain(2500);
    expect(rendered()).toContain(0);
    // a row above the view: scrolled so that it is the first
    scrollTo(50 * 4000);
    view.rerender(
      <VirtualList
        count={5000}
        rowKey={(i) => `row${i}`}
        estimate={() => 50}
        overscan={2}
        keep={1000}
        renderRow={(i, p) => <li {...p}>row {i}</li>}
      />,
    );
    expect(layout.scrollY).toBe(1000 * 50);
    expect(rendered()).toContain(1000);
    // the same row at another index (a row added above it, as a re-check does): the view stays where it is
    scrollTo(50 * 3000);
    scrolls = [];
    view.rerender(
      <VirtualList
        count={5001}
        rowKey={(i) => (i === 0 ? 'new' : `row${i - 1}`)}
        estimate={() => 50}
        overscan={2}
        keep={1001}
        renderRow={(i, p) => <li {...p}>row {i}</li>}
      />,
    );
    expect(scrolls).toEqual([]);
    expect(layout.scrollY).toBe(50 * 3000);
    expect(rendered()).toContain(1001);
  });
});

describe('FindingList with thousands of findings', () => {
  const t = strings('zh');
  const noop = () => undefined;
  function many(n: number): Finding[] {
    return Array.from({ length: n }, (_, i) =>
      finding({
        rule: i % 3 === 0 ? 'total-mismatch' : 'placeholder-text',
        severity: i % 3 === 0 ? 'error' : 'warning',
        project: `项目${Math.floor(i / 5)}`,
        cell: `A${i + 1}`,
        message: `第 ${i} 处`,
      }),
    );
  }
  function show(findings: Finding[], selectedKey?: string) {
    return render(
      <FluentProvider theme={webLightTheme}>
        <FindingList
          findings={findings}
          t={t}
          busy={false}
          selectedKey={selectedKey}
          ruleName={(r) => r}
          onSelect={noop}
          onFix={noop}
          onExplain={noop}
        />
      </FluentProvider>,
    );
  }

  it('5,000 findings: only the visible rows are in the DOM, in the grouped order, with the count right', async () => {
    const findings = many(5000);
    show(findings);
    const order = groupFindings(findings).flatMap((g) => g.rules.flatMap((r) => r.findings));
    // the windowed list is its own chunk: it comes a moment later
    const l = await screen.findByRole('list', { name: '检查结果，共 5000 处' });
    const items = within(l).getAllByRole('listitem');
    expect(items.length).toBeLessThan(30);
    expect(document.querySelectorAll('[data-finding]').length).toBe(items.length);
    expect(items[0]!.getAttribute('aria-setsize')).toBe('5000');
    // the first row carries its project's and rule's headings, errors first
    expect(within(items[0]!).getByRole('heading', { level: 2 }).textContent).toBe('项目05 处');
    expect(within(items[0]!).getByRole('heading', { level: 3 }).textContent).toBe('total-mismatch');
    expect(items.map((e) => e.querySelector('[data-finding]')!.textContent)).toEqual(
      order.slice(0, items.length).map((f) => expect.stringContaining(f.message) as unknown as string),
    );
    // the end of the list
    scrollTo(Number.parseFloat(l.style.height) - layout.innerHeight);
    const last = within(l).getAllByRole('listitem').at(-1)!;
    expect(last.getAttribute('aria-posinset')).toBe('5000');
    expect(last.textContent).toContain(order.at(-1)!.message);
    expect(within(l).getAllByRole('listitem').length).toBeLessThan(30);
  });

  it('the selected finding is rendered and scrolled to, far down the list', async () => {
    const findings = many(5000);
    const order = groupFindings(findings).flatMap((g) => g.rules.flatMap((r) => r.findings));
    show(findings, order[4000]!.key);
    await screen.findByRole('list');
    const sel = document.querySelector('[aria-current="true"]')!;
    expect(sel.textContent).toContain(order[4000]!.message);
    expect(layout.scrollY).toBeGreaterThan(0);
    expect(sel.closest('[role=listitem]')!.getAttribute('aria-posinset')).toBe('4001');
  });

  it('a 说明 being typed outlives its row: scrolled out of the window after focus moved on, it is there when the row comes back', async () => {
    const findings = many(5000);
    const order = groupFindings(findings).flatMap((g) => g.rules.flatMap((r) => r.findings));
    const explained: [string, string][] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingList
          findings={findings}
          t={t}
          busy={false}
          ruleName={(r) => r}
          onSelect={noop}
          onFix={noop}
          onExplain={(f, text) => void explained.push([f.key, text])}
        />
      </FluentProvider>,
    );
    const l = await screen.findByRole('list');
    const first = () => l.querySelector<HTMLElement>(`[data-finding="${order[0]!.key}"]`);
    fireEvent.click(within(first()!).getByRole('button', { name: t.explainAdd }));
    const box = within(first()!).getByRole('textbox');
    box.focus();
    fireEvent.change(box, { target: { value: '已在附件中说明' } });
    // the focus moves to another row (the list no longer keeps this one), then the list scrolls far away
    const second = l.querySelector<HTMLElement>(`[data-finding="${order[1]!.key}"]`)!;
    act(() => within(second).getAllByRole('button')[0]!.focus());
    scrollTo(Number.parseFloat(l.style.height) - layout.innerHeight);
    expect(first()).toBeNull();
    scrollTo(0);
    expect(first()).not.toBeNull();
    const again = within(first()!).getByRole<HTMLTextAreaElement>('textbox');
    expect(again.value).toBe('已在附件中说明');
    fireEvent.click(within(first()!).getByRole('button', { name: t.explainSave }));
    expect(explained).toEqual([[order[0]!.key, '已在附件中说明']]);
    // saved: the draft is gone (the box closed; reopened, it starts from the finding's own explanation)
    expect(within(first()!).queryByRole('textbox')).toBeNull();
  });

  it(`below ${WINDOW_FROM} findings: every finding rendered, in a section by project`, () => {
    show(many(WINDOW_FROM - 1));
    expect(document.querySelectorAll('[data-finding]')).toHaveLength(WINDOW_FROM - 1);
    expect(screen.getAllByRole('region')).toHaveLength(Math.ceil((WINDOW_FROM - 1) / 5));
    expect(document.querySelector('[data-virtual-list]')).toBeNull();
  });
});
