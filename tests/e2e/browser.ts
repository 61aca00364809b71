/** Shared set-up of the browser end-to-end tests: Debian's Chromium through playwright-core. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const BASE = process.env.E2E_BASE_URL ?? '';
if (!BASE) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface Watched {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request the page made. */
  readonly requests: string[];
  /** Console errors and page errors (CSP violations show up here). */
  readonly errors: string[];
}

/**
 * Run in the page before its own scripts (`page.addInitScript`): lets a test hold back the answers of the page's
 * workbook worker. While `window.__holdAnswers` is true, a worker's final answer (`type: 'done'`) waits in
 * `window.__heldAnswers` (each a function that delivers it); its phases still arrive. A test that must act while
 * the worker is still working (Cancel during a check) then never races the worker's speed.
 */
export function holdWorkerAnswers(): void {
  type Listener = ((this: Worker, e: MessageEvent) => unknown) | null;
  const w = window as unknown as { __holdAnswers: boolean; __heldAnswers: (() => void)[]; Worker: typeof Worker };
  w.__holdAnswers = false;
  w.__heldAnswers = [];
  const Real = w.Worker;
  w.Worker = class extends Real {
    override set onmessage(fn: Listener) {
      super.onmessage =
        fn &&
        ((e: MessageEvent) => {
          const data = e.data as { type?: string } | null;
          if (w.__holdAnswers && data?.type === 'done') w.__heldAnswers.push(() => fn.call(this, e));
          else fn.call(this, e);
        });
    }
    override get onmessage(): Listener {
      return super.onmessage;
    }
  };
}

/** A page 350 px wide (a task pane's width), that records its requests and errors. */
export async function openPage(
  browser: Browser,
  path: string,
  opts: { locale?: string; width?: number; init?: () => void } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 350, height: 900 },
    locale: opts.locale ?? 'zh-CN',
    acceptDownloads: true,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  if (opts.init) await page.addInitScript(opts.init);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL(path, BASE).href);
  return { context, page, requests, errors };
}

/** Requests that did not go to the local test server (data:/blob: URLs stay in the page). */
export function external(requests: readonly string[]): string[] {
  const local = new URL(BASE).host;
  return requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return url.host !== local;
  });
}

/** Screenshots go to docs/screenshots only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean. */
export const SHOTS = path.resolve(process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.tmp/e2e/screenshots');
/** Scratch folder for downloads. */
export const TMP = path.resolve('.tmp/e2e');
mkdirSync(SHOTS, { recursive: true });
mkdirSync(TMP, { recursive: true });

/**
 * Waits for the page's finite animations (a dialog fading in) to end, for a screenshot: a shot mid-fade
 * is blurred. Endless ones (the progress bar's loop) go on; a cancelled one counts as ended.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}
