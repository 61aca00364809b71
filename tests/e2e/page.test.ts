/**
 * The standalone page with large workbooks, nothing lost, and the CLI's limits (issue 14 "Large
 * workbooks" and "Nothing lost"; issue 17.13), in Chromium at task-pane widths.
 *
 * Responsiveness is asserted as answers, never as times: a probe in the page records, at every
 * animation frame and every key press, which phase the progress shows. A key handled while the
 * progress says 正在检查… is a page that answers during the check. The workbook of 1,000
 * projects is written by bench/data.ts in the test run, never committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { syntheticWorkbook } from '../../bench/data';
import { writeXlsx } from '../../bench/xlsx-writer';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { fromA1 } from '../../src/core/snapshot/a1';
import { cfb } from '../hosts/xlsx/hostile';
import { launch, openPage, external, holdWorkerAnswers, settled, SHOTS, TMP, type Watched } from './browser';
import { checkBytes, sampleBytes } from './workbooks';
import { WINDOW_FROM, groupFindings } from '../../src/taskpane/components/findingOrder';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Where scripts/e2e.mjs serves the build from (the Excel simulation fetches its workbook there). */
const DIST = path.resolve('.tmp/e2e-dist');

let browser: Browser | undefined;
let big: Buffer;
const opened: Watched[] = [];

beforeAll(async () => {
  browser = await launch();
  big = Buffer.from(writeXlsx(syntheticWorkbook(1000, 100)));
});

afterAll(async () => {
  // nothing left the local server (the worker's chunks included)
  expect(external(opened.flatMap((w) => w.requests))).toEqual([]);
  await browser?.close();
});

async function open(locale: string, width: number, file = 'index.html', init?: () => void): Promise<Watched> {
  const w = await openPage(browser!, file, { locale, width, ...(init && { init }) });
  opened.push(w);
  return w;
}

interface Probe {
  /** Animation frames that ran, by the phase the progress showed (`none`: no progress). */
  readonly frames: Record<string, number>;
  /** Key presses handled, each with the phase the progress showed then. */
  readonly keys: string[];
  /** Clicks handled, each with the phase the progress showed then and the button's text. */
  readonly clicks: string[];
}

/** Starts recording, in the page, what the progress shows at each frame and each key press. */
async function probe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const phase = (): string => {
      const el = document.querySelector<HTMLElement>('[data-testid=progress]');
      return el?.dataset.phase ?? 'none';
    };
    const p = { frames: {} as Record<string, number>, keys: [] as string[], clicks: [] as string[] };
    (window as unknown as { __probe: typeof p }).__probe = p;
    const frame = (): void => {
      const k = phase();
      p.frames[k] = (p.frames[k] ?? 0) + 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.addEventListener('keydown', () => p.keys.push(phase()), true);
    document.addEventListener(
      'click',
      (e) => p.clicks.push(`${phase()} ${(e.target as HTMLElement).closest('button')?.textContent ?? ''}`),
      true,
    );
  });
}

const probed = (page: Page): Promise<Probe> => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

/** Waits until the progress shows this phase. */
const phase = (page: Page, name: string) =>
  page.locator(`[data-testid=progress][data-phase=${name}]`).first().waitFor({ timeout: 120_000 });

async function summary(page: Page): Promise<void> {
  await page.getByTestId('summary').waitFor({ timeout: 180_000 });
}

describe('a workbook of 1,000 projects (zh-CN, 320 px)', () => {
  let w: Watched;

  it("is read and checked off the page's thread: keys are answered and frames painted while 正在读取文件… and 正在检查… show", async () => {
    w = await open('zh-CN', 320);
    await w.page.getByRole('button', { name: '示例工作簿' }).waitFor();
    await probe(w.page);
    await w.page.getByTestId('file-input').setInputFiles({ name: '一千个项目.xlsx', mimeType: XLSX, buffer: big });
    await w.page.getByTestId('progress').waitFor();
    await w.page.keyboard.press('Shift');
    await phase(w.page, 'check');
    await w.page.keyboard.press('Shift');
    const during = await probed(w.page);
    // both keys were handled while the workbook was being opened (never after it)
    expect(during.keys).toHaveLength(2);
    for (const k of during.keys) expect(['read', 'check']).toContain(k);
    expect(during.keys[1]).toBe('check');
    expect(await w.page.getByTestId('progress-phase').innerText()).toBe('正在检查…');
    expect(await w.page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('正在检查… 第 2 步，共 2 步');
    await w.page.screenshot({ path: path.join(SHOTS, 'page-progress-zh.png') });
    await summary(w.page);
    const after = await probed(w.page);
    // the page kept painting through the check (a blocked page paints at most once before and once after)
    expect(after.frames.check ?? 0).toBeGreaterThan(2);
    expect(await w.page.getByText('当前文件：一千个项目.xlsx').isVisible()).toBe(true);
    expect(w.errors).toEqual([]);
  });

  it('重新检查 answers input during the check too: 设置 opens while 正在检查… shows', async () => {
    // the findings list is windowed: role queries over the page answer at once
    await w.page.getByRole('button', { name: '重新检查' }).click();
    await phase(w.page, 'check');
    await w.page.keyboard.press('Shift');
    expect((await probed(w.page)).keys.at(-1)).toBe('check');
    // a click during the check is handled then: 设置 opens (a blocked page would take it after the check, with no progress shown)
    await w.page.getByRole('button', { name: '设置' }).click();
    await w.page.getByRole('button', { name: '返回' }).waitFor();
    expect((await probed(w.page)).clicks.at(-1)).toBe('check 设置');
    await w.page.getByRole('button', { name: '返回' }).click();
    await summary(w.page);
    await w.page.locator('[data-testid=progress]').waitFor({ state: 'detached', timeout: 180_000 });
    expect(await w.page.getByRole('button', { name: '重新检查' }).isEnabled()).toBe(true);
  });

  it('the findings list is windowed: scrolled to its end it shows the last finding, with a bounded number of items in the DOM', async () => {
    const expected = checkBytes(new Uint8Array(big));
    const order = groupFindings(expected.findings).flatMap((g) => g.rules.flatMap((r) => r.findings));
    const n = order.length;
    expect(n).toBeGreaterThan(WINDOW_FROM);
    const list = w.page.getByRole('list', { name: `检查结果，共 ${n} 处` });
    await list.waitFor();
    const items = list.getByRole('listitem');
    expect(await items.first().getAttribute('aria-setsize')).toBe(String(n));
    const bounded = async () => {
      const k = await items.count();
      expect(k).toBeGreaterThan(0);
      expect(k).toBeLessThan(80);
      expect(await w.page.locator('[data-finding]').count()).toBe(k);
    };
    await bounded();
    const inView = (i: number) =>
      list.locator(`[aria-posinset="${i}"]`).evaluate((e) => {
        const r = e.getBoundingClientRect();
        return r.top < window.innerHeight && r.bottom > 0;
      });

    // the middle of the list: what is there is in the grouped order
    await w.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    // the rows follow the scroll on its event
    const fourth = async () => Number(await items.nth(3).getAttribute('aria-posinset'));
    await expect.poll(fourth).toBeGreaterThan(WINDOW_FROM);
    const pos = await fourth();
    const f = order[pos - 1]!;
    expect(await items.nth(3).innerText()).toContain(`${f.sheet}!${f.cell}`);
    await bounded();
    await w.page.screenshot({ path: path.join(SHOTS, 'page-long-list-zh-320.png') });

    // the end: the last finding, in view
    await w.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = list.locator(`[aria-posinset="${n}"]`);
    await last.waitFor();
    await expect.poll(() => inView(n)).toBe(true);
    const text = await last.innerText();
    expect(text).toContain(`${order[n - 1]!.sheet}!${order[n - 1]!.cell}`);
    expect(text).toContain(order[n - 1]!.message);
    await bounded();

    // the keyboard goes past the window: Home from the last finding focuses the first, scrolled in
    await last.getByRole('button').first().focus();
    await w.page.keyboard.press('Home');
    await expect
      .poll(() => w.page.evaluate(() => document.activeElement?.closest('[role=listitem]')?.getAttribute('aria-posinset')))
      .toBe('1');
    await expect.poll(() => inView(1)).toBe(true);
    await w.page.keyboard.press('ArrowDown');
    await expect
      .poll(() => w.page.evaluate(() => document.activeElement?.closest('[role=listitem]')?.getAttribute('aria-posinset')))
      .toBe('2');
    await bounded();

    // the desktop, the same list
    await w.page.setViewportSize({ width: 1280, height: 900 });
    await w.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
    await expect.poll(fourth).toBeGreaterThan(WINDOW_FROM);
    await bounded();
    await w.page.screenshot({ path: path.join(SHOTS, 'page-long-list-zh-desktop.png') });
    await w.page.setViewportSize({ width: 320, height: 900 });
    expect(w.errors).toEqual([]);
  });

  it('the annotated copy is written in the worker with its phase shown; the page answers meanwhile', async () => {
    const keysBefore = (await probed(w.page)).keys.length;
    const [download] = await Promise.all([
      w.page.waitForEvent('download', { timeout: 180_000 }),
      (async () => {
        await w.page.getByTestId('download-annotated').click();
        await phase(w.page, 'annotate');
        await w.page.keyboard.press('Shift');
      })(),
    ]);
    expect(download.suggestedFilename()).toBe('一千个项目.标注.xlsx');
    const p = await probed(w.page);
    expect(p.keys.slice(keysBefore)).toEqual(['annotate']);
    expect(await w.page.getByTestId('download-note').innerText()).toContain('已下载 一千个项目.标注.xlsx');
  });

  it('the Word file is written in the worker with its phase shown; the page answers meanwhile', async () => {
    const keysBefore = (await probed(w.page)).keys.length;
    await w.page.getByRole('button', { name: '导出公开文本' }).click();
    const [download] = await Promise.all([
      w.page.waitForEvent('download', { timeout: 180_000 }),
      (async () => {
        // errors remain in this workbook: export anyway
        await w.page.locator('[role=dialog]').getByRole('button', { name: '仍然导出' }).click();
        await phase(w.page, 'export');
        await w.page.keyboard.press('Shift');
      })(),
    ]);
    expect(download.suggestedFilename()).toBe('一千个项目-公开文本.docx');
    expect((await probed(w.page)).keys.slice(keysBefore)).toEqual(['export']);
  });
});

describe('a workbook of 1,000 projects (en-US, 320 px)', () => {
  it('shows the phase and the bar in English; Cancel goes back to the sample', async () => {
    // the worker's answer is held back until the test has clicked Cancel: the check of 1,000 projects lasts only
    // about a second and a half, and a click that came after it (a loaded machine, a slow screenshot) found the
    // progress, and its Cancel, gone — the page had done right, the test had lost a race
    const w = await open('en-US', 320, 'index.html', holdWorkerAnswers);
    await w.page.getByRole('button', { name: 'Sample workbook' }).click();
    await summary(w.page);
    await w.page.evaluate(() => ((window as unknown as { __holdAnswers: boolean }).__holdAnswers = true));
    await w.page.getByTestId('file-input').setInputFiles({ name: 'thousand.xlsx', mimeType: XLSX, buffer: big });
    await phase(w.page, 'check');
    expect(await w.page.getByTestId('progress-phase').innerText()).toBe('Checking…');
    expect(await w.page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Checking… Step 2 of 2');
    // the step done (reading) is filled, the current one is not
    const colours = await w.page
      .locator('[role=progressbar] > div')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(colours).toHaveLength(2);
    expect(colours[0]).not.toBe(colours[1]);
    await w.page.screenshot({ path: path.join(SHOTS, 'page-progress-en.png') });
    await w.page.getByTestId('progress').getByRole('button', { name: 'Cancel' }).click();
    await w.page.locator('[data-testid=progress]').waitFor({ state: 'detached' });
    expect(await w.page.getByText('File: jiangchuan-2023.xlsx').isVisible()).toBe(true);
    // an answer that comes after Cancel changes nothing: the sample stays, its rules named (not their ids)
    await w.page.evaluate(() => {
      const held = (window as unknown as { __heldAnswers: (() => void)[] }).__heldAnswers;
      for (const deliver of held.splice(0)) deliver();
    });
    await w.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    expect(await w.page.getByText('File: jiangchuan-2023.xlsx').isVisible()).toBe(true);
    expect(await w.page.getByText('File: thousand.xlsx').count()).toBe(0);
    const headings = await w.page.locator('h3[title]').evaluateAll((els) =>
      els.map((e) => ({
        id: e.querySelector('code')?.textContent ?? '',
        text: e.textContent,
        title: e.getAttribute('title') ?? '',
      })),
    );
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) {
      expect(h.id).toMatch(/^[a-z0-9-]+$/);
      // the name beside the id, and the description in the tooltip
      expect(h.text.replace(h.id, '').trim().length, h.id).toBeGreaterThan(0);
      expect(h.title.startsWith(`${h.id}: `) && h.title.length > h.id.length + 2, h.title).toBe(true);
    }
    expect(w.errors).toEqual([]);
  });
});

describe('the pane in Excel (the simulation) with 1,000 projects', () => {
  it('paints each phase — reading, checking, flagging — before it runs', async () => {
    writeFileSync(path.join(DIST, 'e2e-1000-projects.xlsx'), big);
    const w = await open('zh-CN', 320, 'office-sim.html?book=e2e-1000-projects.xlsx');
    await w.page.waitForFunction(() => (window as unknown as { __sim?: unknown }).__sim !== undefined, null, { timeout: 120_000 });
    await probe(w.page);
    await w.page.getByRole('button', { name: '检查', exact: true }).click();
    await summary(w.page);
    const p = await probed(w.page);
    for (const k of ['read', 'check', 'flag']) expect(p.frames[k] ?? 0, k).toBeGreaterThan(0);
  });
});

describe('nothing lost: fills and 说明 live only in the page', () => {
  async function sampleWithAFill(locale: string, fill: RegExp): Promise<Watched> {
    const w = await open(locale, 320);
    await w.page.getByRole('button', { name: locale === 'zh-CN' ? '示例工作簿' : 'Sample workbook' }).click();
    await summary(w.page);
    await w.page.getByRole('button', { name: fill }).click();
    await w.page.getByText(locale === 'zh-CN' ? '已写入 1 个单元格。' : '1 cell written.').waitFor();
    return w;
  }

  it("leaving asks (the browser's prompt); opening another workbook asks in the page; the download holds them and says so", async () => {
    const w = await sampleWithAFill('zh-CN', /填入 3453009901/);
    const button = w.page.getByTestId('download-annotated');
    expect(await button.innerText()).toBe('下载标注副本（含本页 1 处修改）');
    expect(await button.getAttribute('title')).toBe('标注副本包含在本页填入的 1 个值。');

    // leaving: the browser's own prompt, and the page stays when it is dismissed
    const prompt = w.page.waitForEvent('dialog');
    await w.page.close({ runBeforeUnload: true });
    const dialog = await prompt;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(w.page.isClosed()).toBe(false);

    // 示例工作簿: asked in the page first
    await w.page.getByRole('button', { name: '示例工作簿' }).click();
    const ask = w.page.getByRole('alertdialog');
    await ask.waitFor();
    expect(await ask.innerText()).toContain('有未保存的修改');
    expect(await ask.innerText()).toContain('在本页填入的 1 个值只保存在网页中');
    await settled(w.page);
    await w.page.screenshot({ path: path.join(SHOTS, 'page-unsaved-zh.png') });
    await ask.getByRole('button', { name: '取消' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await w.page.getByRole('button', { name: /填入 3453009901/ }).count()).toBe(0);

    // the download holds the fill and says so
    const [download] = await Promise.all([w.page.waitForEvent('download'), button.click()]);
    expect(await w.page.getByTestId('download-note').innerText()).toBe(
      '已下载 jiangchuan-2023.标注.xlsx，其中包含在本页填入的 1 个值。原文件没有改动。',
    );
    const file = path.join(TMP, 'page-annotated.xlsx');
    await download.saveAs(file);
    const copy = readXlsx(new Uint8Array(readFileSync(file)));
    if (!copy.ok) throw new Error('copy unreadable');
    const fix = checkBytes(sampleBytes()).findings.find((f) => f.fix?.value === '3453009901')!.fix!;
    const at = fromA1(fix.cell)!;
    expect(copy.snapshot.sheets.find((s) => s.name === fix.sheet)?.cells.find((c) => c.row === at.row && c.col === at.col)?.text).toBe(
      '3453009901',
    );
    // the next download holds it too
    expect(await button.innerText()).toBe('下载标注副本（含本页 1 处修改）');

    // saved now: leaving does not ask
    let asked = false;
    w.page.on('dialog', (d) => {
      asked = true;
      void d.dismiss();
    });
    const closed = w.page.waitForEvent('close');
    await w.page.close({ runBeforeUnload: true });
    await closed;
    expect(asked).toBe(false);
  });

  it('the question in English', async () => {
    const w = await sampleWithAFill('en-US', /Fill 3453009901/);
    await w.page.getByRole('button', { name: 'Sample workbook' }).click();
    const ask = w.page.getByRole('alertdialog');
    await ask.waitFor();
    expect(await ask.innerText()).toContain('Changes made in this page (1 filled value) exist only in the page');
    await settled(w.page);
    await w.page.screenshot({ path: path.join(SHOTS, 'page-unsaved-en.png') });
    await ask.getByRole('button', { name: 'Discard them and open another workbook' }).click();
    // the sample again, without the fill
    await expect.poll(() => w.page.getByTestId('download-annotated').innerText(), { timeout: 60_000 }).toBe('Download annotated copy');
    // its check is shown a moment after the button's text is reset: wait for the list
    await expect.poll(() => w.page.getByRole('button', { name: /Fill 3453009901/ }).count(), { timeout: 60_000 }).toBe(1);
  });
});

describe("the CLI's limits and sentences (issue 17.13)", () => {
  let w: Watched;
  const alert = () => w.page.getByRole('alert').first().innerText();

  it('.xlsm is opened like .xlsx', async () => {
    w = await open('zh-CN', 350);
    expect(await w.page.getByTestId('file-input').getAttribute('accept')).toContain('.xlsm');
    await w.page
      .getByTestId('file-input')
      .setInputFiles({ name: '预算.xlsm', mimeType: 'application/vnd.ms-excel.sheet.macroEnabled.12', buffer: Buffer.from(sampleBytes()) });
    await summary(w.page);
    expect(await w.page.getByText('当前文件：预算.xlsm').isVisible()).toBe(true);
  });

  it('an .xls is read by its bytes (the lazy .xls chunk) and checked; its annotated copy is refused in one sentence', async () => {
    await w.page.getByTestId('file-input').setInputFiles({
      name: '江川.xls',
      mimeType: 'application/vnd.ms-excel',
      buffer: readFileSync('tests/fixtures/xls/jiangchuan-2023.xls'),
    });
    await expect.poll(() => w.page.getByText('当前文件：江川.xls').isVisible(), { timeout: 60_000 }).toBe(true);
    await summary(w.page);
    expect(await w.page.getByRole('button', { name: /填入 3453009901/ }).count()).toBe(1);
    await w.page.getByTestId('download-annotated').click();
    await w.page.getByText(/^\.xls 文件只能检查，不能生成标注副本或写入内容/).waitFor({ timeout: 60_000 });
  });

  it('a .docx is read in the worker (as the CLI reads it) and checked read-only: 第N段, the note, no annotated copy', async () => {
    await w.page.getByTestId('file-input').setInputFiles({
      name: '江川公开文本.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: readFileSync('seeds/jiangchuan-2023.docx'),
    });
    await expect.poll(() => w.page.getByText('当前文件：江川公开文本.docx').isVisible(), { timeout: 60_000 }).toBe(true);
    await summary(w.page);
    expect(await w.page.getByRole('button', { name: /^定位到第38段：/ }).count()).toBeGreaterThan(0);
    expect(await w.page.getByTestId('document-note').innerText()).toMatch(/^这是 Word 文档，已按原文只读检查/);
    expect(await w.page.getByTestId('download-annotated').count()).toBe(0);
    expect(await w.page.getByRole('button', { name: '导出公开文本' }).count()).toBe(0);
  });

  it("a damaged .xls gets the reader's sentence after its name", async () => {
    await w.page
      .getByTestId('file-input')
      .setInputFiles({ name: '旧表.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(cfb(['Workbook'])) });
    await expect.poll(alert).toContain('旧表.xls：.xls 文件已损坏或不完整（复合文档结构无法读取），请在 Excel 或 WPS 中打开并另存为 .xlsx');
  });

  it("a file that is not a workbook gets the reader's sentence after its name, as the CLI says it", async () => {
    const junk = Buffer.from('名称,金额\n一,1\n');
    const r = readXlsx(new Uint8Array(junk));
    if (r.ok) throw new Error('read as a workbook');
    await w.page.getByTestId('file-input').setInputFiles({ name: '表.csv', mimeType: 'text/csv', buffer: junk });
    await expect.poll(alert).toContain(`表.csv：${r.error.messageFor('zh')}`);
    expect(await alert()).not.toMatch(/Error|at \w+ \(/);
  });

  it("a file over the size limit is refused before it is loaded, with the CLI's sentence", async () => {
    // 201 MB made of one 1 MB part: the browser holds it by reference
    await w.page.evaluate(() => {
      const part = new Blob([new Uint8Array(1024 * 1024)]);
      const file = new File(
        Array.from({ length: 201 }, () => part),
        '大表.xlsx',
      );
      const dt = new DataTransfer();
      dt.items.add(file);
      document
        .querySelector('[data-testid=dropzone]')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(alert).toContain('大表.xlsx：文件过大（201 MB），超过读取上限 200 MB');
  });

  it("a registry file that is not a workbook: the CLI's sentence", async () => {
    await w.page.getByRole('button', { name: '设置' }).click();
    const [chooser] = await Promise.all([
      w.page.waitForEvent('filechooser'),
      w.page.getByRole('button', { name: '从其他文件读取…' }).click(),
    ]);
    await chooser.setFiles({ name: '名册.xlsx', mimeType: XLSX, buffer: Buffer.from('not a workbook') });
    await w.page.getByRole('button', { name: '返回' }).click();
    await expect.poll(alert).toContain('学校名册 名册.xlsx 无法读取：不是 Excel 工作簿（.xlsx）文件');
    expect(w.errors).toEqual([]);
  });
});
