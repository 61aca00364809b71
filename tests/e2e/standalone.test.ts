/**
 * The standalone page in Chromium: open the sample, see the same findings the core computes,
 * go to a finding, download the annotated copy and the CSV, open a broken file; and nothing
 * leaves localhost. Screenshots (350 px, zh-CN and en-US) go to docs/screenshots/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { fromA1 } from '../../src/core/snapshot/a1';
import { BASE, launch, openPage, external, settled, SHOTS, TMP, type Watched } from './browser';
import { checkBytes, cleanWorkbook, sampleBytes } from './workbooks';
import { missingSectionWorkbook } from '../hosts/xlsx/insert-fixture';
import { cfb } from '../hosts/xlsx/hostile';

let browser: Browser | undefined;
const opened: Watched[] = [];

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  // no request of any page left the local server (no Office.js, no fonts, no telemetry)
  const all = opened.flatMap((w) => w.requests);
  expect(all.length).toBeGreaterThan(0);
  expect(external(all)).toEqual([]);
  await browser?.close();
});

async function open(locale = 'zh-CN', file = 'index.html'): Promise<Watched> {
  const w = await openPage(browser!, file, { locale });
  opened.push(w);
  return w;
}

async function summaryCounts(page: Page): Promise<number[]> {
  await page.getByTestId('summary').waitFor({ timeout: 60_000 });
  const boxes = page.locator('[data-testid=summary] [data-count] span:first-child');
  expect(await boxes.count()).toBe(4);
  return (await boxes.allInnerTexts()).map(Number);
}

function cellText(bytes: Uint8Array, sheet: string, a1: string): string | undefined {
  const r = readXlsx(bytes);
  if (!r.ok) throw new Error(r.error.message);
  const p = fromA1(a1)!;
  return r.snapshot.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.row === p.row && c.col === p.col)?.text;
}

describe('standalone page (zh-CN)', () => {
  const expected = checkBytes(sampleBytes(), 'zh');
  let w: Watched;

  it('opens without errors, in Chinese, with no Office.js', async () => {
    w = await open();
    await w.page.getByRole('button', { name: '示例工作簿' }).waitFor();
    expect(await w.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await w.page.getByText('还没有检查').isVisible()).toBe(true);
    expect(w.requests.some((u) => u.includes('office.js'))).toBe(false);
    // the reader is a lazy chunk: not loaded before a workbook is opened
    expect(w.requests.some((u) => /\/xlsx\.[0-9a-f]+\.js$/.test(u))).toBe(false);
  });

  it('loads the sample workbook and shows the counts the core computes', async () => {
    await w.page.getByRole('button', { name: '示例工作簿' }).click();
    const counts = await summaryCounts(w.page);
    const s = expected.summary;
    expect(counts).toEqual([s.errors, s.warnings, s.infos, s.explained]);
    expect(s.errors).toBeGreaterThan(0);
    expect(w.requests.some((u) => /\/xlsx\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    expect(await w.page.locator('[data-finding]').count()).toBe(expected.findings.length);
    expect(w.errors).toEqual([]);
  });

  it('lists specific findings by text, grouped by project', async () => {
    const p11 = w.page.getByRole('region', { name: '项目十一' });
    await expect.poll(() => p11.getByText('玉溪市江川区第一中学 缺少学校代码', { exact: false }).count()).toBe(1);
    expect(await p11.getByRole('button', { name: /填入 3453009901/ }).count()).toBe(1);
    const p12 = w.page.getByRole('region', { name: '项目十二' });
    expect(await p12.locator('[data-rule="plan-funding-mismatch"]').innerText()).toContain('两者相差17.3万元');
    const p16 = w.page.getByRole('region', { name: '项目十六' });
    expect(await p16.locator('[data-rule="duplicate-text"]').count()).toBeGreaterThanOrEqual(1);
    for (const f of expected.findings.slice(0, 5)) {
      expect(await w.page.getByText(f.message, { exact: true }).count()).toBeGreaterThanOrEqual(1);
    }
    await w.page.screenshot({ path: path.join(SHOTS, 'standalone-findings-zh.png') });
  });

  it("clicking a finding shows its cell and the cell's text", async () => {
    const sample = sampleBytes();
    const target = expected.findings.find((f) => f.rule === 'plan-funding-mismatch')!;
    const text = cellText(sample, target.sheet, target.cell) ?? '';
    expect(text.length).toBeGreaterThan(0);
    await w.page.getByRole('button', { name: new RegExp(`定位到 ${target.sheet}!${target.cell}：`) }).click();
    const preview = w.page.getByTestId('preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain(`${target.sheet}!${target.cell}`);
    expect(await preview.innerText()).toContain(text.slice(0, 30));
    expect(await w.page.locator(`[data-finding] button[aria-current="true"]`).count()).toBe(1);
    // an empty cell (a missing school code) says so
    const empty = expected.findings.find((f) => f.rule === 'school-code-missing')!;
    await w.page.getByRole('button', { name: new RegExp(`定位到 ${empty.sheet}!${empty.cell}：`) }).click();
    await expect.poll(() => preview.innerText()).toContain(`${empty.sheet}!${empty.cell}`);
    expect(await preview.innerText()).toContain(cellText(sample, empty.sheet, empty.cell) || '（空单元格）');
    await w.page.screenshot({ path: path.join(SHOTS, 'standalone-preview-zh.png') });
  });

  it('downloads the annotated copy (with fixes): it reads back with the flags, 检查结果 and the codes', async () => {
    await w.page.getByLabel('同时填入可自动填写的值').check();
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByRole('button', { name: '下载标注副本' }).click()]);
    expect(download.suggestedFilename()).toBe('jiangchuan-2023.标注.xlsx');
    const file = path.join(TMP, 'annotated.xlsx');
    await download.saveAs(file);
    const bytes = new Uint8Array(readFileSync(file));
    const r = readXlsx(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshot.sheets.map((s) => s.name)).toContain('检查结果');
    const fix = expected.findings.find((f) => f.rule === 'school-code-missing' && f.fix)!.fix!;
    expect(cellText(bytes, fix.sheet, fix.cell)).toBe(String(fix.value));
    // the original sheets are all still there
    const original = readXlsx(sampleBytes());
    if (!original.ok) throw new Error('sample unreadable');
    for (const s of original.snapshot.sheets) expect(r.snapshot.sheets.map((x) => x.name)).toContain(s.name);
  });

  it('exports the findings as CSV (UTF-8 with BOM, one row a finding)', async () => {
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByRole('button', { name: '导出CSV' }).click()]);
    const file = path.join(TMP, 'report.csv');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeff文件,规则,级别')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(expected.findings.length + 1);
    expect(text).toContain(',缺少学校代码,错误,');
    expect(text).toContain(',school-code-missing\r\n');
  });

  it('填入 in the page writes the code and the finding goes away', async () => {
    const before = await w.page.locator('[data-finding]').count();
    await w.page.getByRole('button', { name: /填入 3453009901/ }).click();
    await w.page.getByText('已写入 1 个单元格。').waitFor();
    expect(await w.page.locator('[data-finding]').count()).toBe(before - 1);
    expect(await w.page.getByRole('button', { name: /填入 3453009901/ }).count()).toBe(0);
  });

  it("a broken file gets the reader's one clear sentence", async () => {
    const junk = Buffer.from('this is not a workbook at all');
    const sentence = (() => {
      const r = readXlsx(new Uint8Array(junk));
      if (r.ok) throw new Error('junk read as a workbook');
      return r.error.messageFor('zh');
    })();
    await w.page.getByTestId('file-input').setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: junk });
    // the 填入 above is not downloaded yet: the page asks before it is discarded
    await w.page.getByRole('alertdialog').getByRole('button', { name: '放弃修改，打开其他工作簿' }).click();
    const alert = w.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(sentence);
    expect(await w.page.locator('[data-finding]').count()).toBe(0);
    // a damaged .xls (a compound file header with nothing behind it) gets the .xls reader's sentence
    await w.page
      .getByTestId('file-input')
      .setInputFiles({ name: '旧表.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(cfb(['Workbook'])) });
    await expect.poll(() => w.page.getByRole('alert').innerText()).toContain('.xls 文件已损坏或不完整');
    await w.page.screenshot({ path: path.join(SHOTS, 'standalone-error-zh.png') });
  });

  it('a clean workbook gets the all-clear state', async () => {
    const bytes = await cleanWorkbook();
    expect(checkBytes(bytes).findings).toEqual([]);
    await w.page.getByTestId('file-input').setInputFiles({
      name: '干净.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(bytes),
    });
    await w.page.getByText('未发现问题').waitFor();
    expect(await summaryCounts(w.page)).toEqual([0, 0, 0, 0]);
    await w.page.screenshot({ path: path.join(SHOTS, 'standalone-all-clear-zh.png') });
  });

  it('插入缺少的部分 inserts the heading after confirmation; the re-check and the downloaded copy find the section empty', async () => {
    const bytes = await missingSectionWorkbook();
    await w.page
      .getByTestId('file-input')
      .setInputFiles({ name: '缺部分.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    await w.page.getByRole('button', { name: '在 项目一!A12 插入一行，写入“六、资金安排情况”' }).click();
    await w.page.getByRole('dialog').getByRole('button', { name: '写入' }).waitFor();
    await settled(w.page);
    await w.page.screenshot({ path: path.join(SHOTS, 'insert-section-confirm-zh.png') });
    await w.page.getByRole('dialog').getByRole('button', { name: '写入' }).click();
    await w.page.getByText('已写入 1 个单元格。').waitFor();
    expect(await w.page.getByText('插入缺少的部分').count()).toBe(0);
    await w.page
      .getByRole('button', { name: /定位到 项目一!A12：/ })
      .first()
      .waitFor();
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByRole('button', { name: '下载标注副本' }).click()]);
    const file = path.join(TMP, 'inserted.xlsx');
    await download.saveAs(file);
    const copy = new Uint8Array(readFileSync(file));
    expect(cellText(copy, '项目一', 'A12')).toBe('六、资金安排情况');
    expect(cellText(copy, '项目一', 'A13')).toBe('七、项目实施计划');
    const rechecked = checkBytes(copy).findings;
    expect(rechecked.some((f) => f.rule === 'section-missing')).toBe(false);
    expect(rechecked.filter((f) => f.rule === 'section-empty').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['项目一!A12']);
  });
});

describe('keyboard and settings', () => {
  it('Tab walks the controls in reading order; Enter on a finding shows its cell', async () => {
    const w = await open();
    await w.page.getByRole('button', { name: '示例工作簿' }).waitFor();
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      await w.page.keyboard.press('Tab');
      names.push(await w.page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(names).toEqual(['设置', '打开工作簿', '示例工作簿']);
    await w.page.keyboard.press('Enter');
    await w.page.getByTestId('summary').waitFor({ timeout: 60_000 });
    const first = w.page.locator('[data-finding] button').first();
    await first.focus();
    await w.page.keyboard.press('Enter');
    await w.page.getByTestId('preview').waitFor();
  });

  it('the settings view lists every rule with a switch and a severity', async () => {
    const w = await open();
    await w.page.getByRole('button', { name: '设置' }).click();
    await w.page.locator('[data-group]').first().waitFor(); // 设置 is loaded when first opened
    expect(await w.page.getByRole('switch').count()).toBeGreaterThanOrEqual(24);
    expect(await w.page.getByRole('textbox', { name: '省份代码' }).isVisible()).toBe(true);
    expect(await w.page.getByRole('button', { name: '从其他文件读取…' }).isVisible()).toBe(true);
    await w.page.screenshot({ path: path.join(SHOTS, 'settings-zh.png') });
  });
});

describe('standalone page (en-US, from the browser language)', () => {
  it('shows the same findings in English', async () => {
    const expected = checkBytes(sampleBytes(), 'en');
    const w = await open('en-US');
    await w.page.getByRole('button', { name: 'Sample workbook' }).click();
    expect(await summaryCounts(w.page)).toEqual([expected.summary.errors, expected.summary.warnings, expected.summary.infos, 0]);
    const first = expected.findings[0]!;
    expect(await w.page.getByText(first.message, { exact: true }).count()).toBeGreaterThanOrEqual(1);
    expect(await w.page.getByRole('button', { name: 'Download annotated copy' }).isVisible()).toBe(true);
    await w.page.screenshot({ path: path.join(SHOTS, 'standalone-findings-en.png') });
    const bytes = await cleanWorkbook();
    await w.page
      .getByTestId('file-input')
      .setInputFiles({ name: 'clean.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    await w.page.getByText('No problems found').waitFor();
    await w.page.screenshot({ path: path.join(SHOTS, 'standalone-all-clear-en.png') });
    expect(w.errors).toEqual([]);
  });
});

describe('static pages', () => {
  it('too-old.html says in plain Chinese that this Office is too old and points to the page and the CLI', async () => {
    const w = await open('zh-CN', 'too-old.html');
    const text = await w.page.locator('body').innerText();
    expect(text).toContain('此版本的 Office 太旧');
    expect(text).toContain('独立网页版');
    expect(text).toContain('disclosure-check');
    expect(await w.page.locator('a[href="index.html"]').count()).toBe(1);
  });

  it('an Internet Explorer webview (document.documentMode) is sent to too-old.html before the bundle runs', async () => {
    const context = await browser!.newContext({ locale: 'zh-CN' });
    await context.addInitScript(() => Object.defineProperty(document, 'documentMode', { value: 11 }));
    const page = await context.newPage();
    await page.goto(new URL('taskpane.html', BASE).href.replace('taskpane.html', 'index.html'));
    await page.waitForURL(/too-old\.html$/);
    expect(await page.locator('h1').innerText()).toContain('此版本的 Office 太旧');
    await context.close();
  });

  it('every page carries the Content Security Policy; only the task pane allows Office.js', async () => {
    for (const [file, office] of [
      ['index.html', false],
      ['taskpane.html', true],
    ] as const) {
      const html = readFileSync(path.resolve('.tmp/e2e-dist', file), 'utf8');
      const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp.includes('appsforoffice.microsoft.com')).toBe(office);
      expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBe(false);
    }
  });
});
