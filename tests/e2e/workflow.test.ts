/**
 * The accountant's workflow (issue 14) in Chromium: at a task pane's width (320 px) on a
 * 768-px-high screen the first finding shows without scrolling; the Chinese pane and 设置 show rule
 * names, never an English rule id; the tiles filter the list. Screenshots at 320 px and on the
 * desktop, zh and en, go to docs/screenshots/ (UPDATE_SCREENSHOTS=1).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { RULES } from '../../src/core/rules/index';
import { launch, openPage, SHOTS, type Watched } from './browser';

let browser: Browser | undefined;
const opened: Watched[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const w of opened) await w.context.close();
  await browser?.close();
});

async function openSample(locale: string, width: number, height: number): Promise<Watched> {
  const w = await openPage(browser!, 'index.html', { locale, width });
  opened.push(w);
  await w.page.setViewportSize({ width, height });
  await w.page.getByRole('button', { name: locale.startsWith('zh') ? '示例工作簿' : 'Sample workbook' }).click();
  await w.page.getByTestId('summary').waitFor({ timeout: 60_000 });
  await w.page.locator('[data-finding]').first().waitFor();
  return w;
}

const IDS = RULES.map((r) => r.meta.id);

describe("the accountant's workflow (zh-CN)", () => {
  it('320 × 768: the first finding is visible without scrolling', async () => {
    const w = await openSample('zh-CN', 320, 768);
    const box = await w.page.locator('[data-finding]').first().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + Math.min(box!.height, 40)).toBeLessThanOrEqual(768);
    // errors first: the first finding of the first project is an error or the project has none
    await w.page.screenshot({ path: path.join(SHOTS, 'workflow-320-zh.png') });
  });

  it('no English rule id in the Chinese pane or in 设置', async () => {
    const w = opened[0]!;
    const text = await w.page.locator('main').innerText();
    for (const id of IDS) expect(text, id).not.toContain(id);
    expect(text).toContain('标题编号');
    await w.page.getByRole('button', { name: '设置' }).click();
    await w.page.locator('[data-group]').first().waitFor(); // 设置 is loaded when first opened
    const settings = await w.page.locator('main').innerText();
    for (const id of IDS) expect(settings, id).not.toContain(id);
    for (const g of ['结构', '金额', '文字', '学校表']) expect(settings).toContain(g);
    await w.page.screenshot({ path: path.join(SHOTS, 'workflow-settings-320-zh.png'), fullPage: true });
    await w.page.getByRole('button', { name: '返回' }).first().click();
  });

  it('a count tile filters the list', async () => {
    const w = opened[0]!;
    const all = await w.page.locator('[data-finding]').count();
    await w.page.locator('[data-testid=summary] [data-filter=error]').click();
    const errors = await w.page.locator('[data-finding]').count();
    expect(errors).toBeLessThan(all);
    expect(errors).toBeGreaterThan(0);
    await w.page.locator('[data-testid=summary] [data-filter=error]').click();
    expect(await w.page.locator('[data-finding]').count()).toBe(all);
  });

  it('desktop, zh', async () => {
    const w = await openSample('zh-CN', 1280, 800);
    await w.page.screenshot({ path: path.join(SHOTS, 'workflow-desktop-zh.png') });
  });
});

describe("the accountant's workflow (en-US)", () => {
  it('320 px and desktop: rule ids beside their names', async () => {
    const w = await openSample('en-US', 320, 768);
    expect(await w.page.locator('main').innerText()).toContain('heading-numbering');
    await w.page.screenshot({ path: path.join(SHOTS, 'workflow-320-en.png') });
    const d = await openSample('en-US', 1280, 800);
    await d.page.screenshot({ path: path.join(SHOTS, 'workflow-desktop-en.png') });
  });
});
