/**
 * 导出公开文本 in Chromium. Standalone page: open the sample, export, confirm in the dialog that
 * lists the remaining errors, catch the download: a .docx (zip) whose word/document.xml holds
 * the projects and the standard headings; the changes the export made are listed. The Word
 * writer is a lazy chunk, loaded only on the first export. Then the same in the add-in pane over
 * the fake Excel. Screenshot of the dialog: docs/screenshots/export-dialog-zh.png (UPDATE_SCREENSHOTS=1).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, external, settled, SHOTS, TMP, type Watched } from './browser';
import { checkBytes, sampleBytes } from './workbooks';

let browser: Browser | undefined;
const opened: Watched[] = [];

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  expect(external(opened.flatMap((w) => w.requests))).toEqual([]);
  await browser?.close();
});

const isDocxChunk = (u: string) => /\/docx\.[0-9a-f]+\.js$/.test(u);

/** The document text of a .docx: the w:t runs of word/document.xml, paragraph by paragraph. */
function docxParagraphs(bytes: Uint8Array): { xml: string; paragraphs: string[] } {
  const zip = unzipSync(bytes);
  const part = zip['word/document.xml'];
  if (!part) throw new Error('no word/document.xml in the download');
  const xml = strFromU8(part);
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  );
  return { xml, paragraphs };
}

async function exportAndConfirm(page: Page, file: string, shot?: string): Promise<{ name: string; bytes: Uint8Array }> {
  await page.getByRole('button', { name: '导出公开文本' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (shot) {
    await settled(page); // the dialog fades in: shoot once its animations have finished
    await page.screenshot({ path: path.join(SHOTS, shot) });
  }
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '仍然导出' }).click()]);
  const target = path.join(TMP, file);
  await download.saveAs(target);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(target)) };
}

describe('导出公开文本 on the standalone page (zh-CN)', () => {
  const expected = checkBytes(sampleBytes(), 'zh');
  let w: Watched;

  it('is disabled until a workbook is checked; the Word writer is not loaded with the page', async () => {
    w = await openPage(browser!, 'index.html', { locale: 'zh-CN' });
    opened.push(w);
    const button = w.page.getByRole('button', { name: '导出公开文本' });
    await button.waitFor();
    expect(await button.isDisabled()).toBe(true);
    await w.page.getByRole('button', { name: '示例工作簿' }).click();
    await w.page.getByTestId('summary').waitFor({ timeout: 60_000 });
    expect(await button.isDisabled()).toBe(false);
    expect(w.requests.some(isDocxChunk)).toBe(false);
  });

  it('with errors, the dialog lists them; the safe choice is primary (全部填入 where codes can be filled); 先修正 downloads nothing', async () => {
    expect(expected.summary.errors).toBeGreaterThan(0);
    let downloads = 0;
    w.page.on('download', () => downloads++);
    await w.page.getByRole('button', { name: '导出公开文本' }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').innerText()).toBe(`仍有 ${expected.summary.errors} 个错误`);
    const items = dialog.locator('[data-testid=export-errors] li');
    const firstErrors = expected.findings.filter((f) => f.severity === 'error' && !f.explanation).slice(0, 5);
    expect(await items.count()).toBe(firstErrors.length + (expected.summary.errors > 5 ? 1 : 0));
    for (const [i, f] of firstErrors.entries()) expect(await items.nth(i).innerText()).toContain(f.message);
    if (expected.summary.errors > 5) expect(await items.last().innerText()).toContain(`另有 ${expected.summary.errors - 5} 个错误`);
    // the primary button is the safe one; 仍然导出 is secondary
    const primary = dialog.locator('[data-appearance=primary]');
    expect(await primary.count()).toBe(1);
    expect(await primary.innerText()).toMatch(/^全部填入（\d+）$/);
    expect(await dialog.getByRole('button', { name: '仍然导出' }).getAttribute('data-appearance')).toBe('secondary');
    // drawn as primary: the brand background, not the neutral one of 仍然导出
    const bg = (sel: string) =>
      dialog
        .locator(sel)
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await bg('[data-appearance=primary]')).not.toBe(await bg('[data-appearance=secondary]'));
    await dialog.getByRole('button', { name: '先修正' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(downloads).toBe(0);
    expect(w.requests.some(isDocxChunk)).toBe(false);
  });

  it('仍然导出 downloads jiangchuan-2023-公开文本.docx: a zip whose document holds the projects and standard headings', async () => {
    const { name, bytes } = await exportAndConfirm(w.page, 'standalone.docx', 'export-dialog-zh.png');
    expect(name).toBe('jiangchuan-2023-公开文本.docx');
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const { xml, paragraphs } = docxParagraphs(bytes);
    expect(xml).toContain('项目十一');
    expect(xml).toContain('一、项目名称');
    expect(paragraphs.filter((p) => p === '一、项目名称')).toHaveLength(16);
    expect(paragraphs.filter((p) => /^项目[一二三四五六七八九十]+$/.test(p))).toHaveLength(16);
    expect(paragraphs).toContain('八、项目实施成效');
    // the writer came as its lazy chunk, on demand
    expect(w.requests.some(isDocxChunk)).toBe(true);
  });

  it('lists every change the export made, collapsed, and opens on click', async () => {
    await w.page.getByText('已导出 jiangchuan-2023-公开文本.docx。').waitFor();
    const changes = w.page.getByTestId('export-changes');
    const summary = changes.locator('summary');
    const n = Number(/(\d+) 处/.exec(await summary.innerText())?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(await changes.locator('li').first().isVisible()).toBe(false);
    await summary.click();
    expect(await changes.locator('li').count()).toBe(n);
    expect(await changes.locator('li').first().isVisible()).toBe(true);
    await changes.scrollIntoViewIfNeeded();
    await w.page.screenshot({ path: path.join(SHOTS, 'export-changes-zh.png') });
    expect(w.errors).toEqual([]);
  });
});

describe('导出公开文本 in the add-in pane (fake Excel)', () => {
  it('exports the workbook checked in Excel, named after the workbook, and says what to do if Office blocks downloads', async () => {
    const w = await openPage(browser!, 'office-sim.html', { locale: 'zh-CN' });
    opened.push(w);
    await w.page.waitForFunction(() => (window as unknown as { __sim?: unknown }).__sim !== undefined);
    expect(await w.page.getByRole('button', { name: '导出公开文本' }).isDisabled()).toBe(true);
    await w.page.getByRole('button', { name: '检查', exact: true }).click();
    await w.page.getByTestId('summary').waitFor({ timeout: 60_000 });
    const { name, bytes } = await exportAndConfirm(w.page, 'excel.docx');
    expect(name).toBe('jiangchuan-2023-公开文本.docx');
    const { xml } = docxParagraphs(bytes);
    expect(xml).toContain('项目十一');
    expect(xml).toContain('一、项目名称');
    await w.page.getByText(/如果没有出现下载/).waitFor();
    expect(w.errors).toEqual([]);
  });
});
