/**
 * 生成学校表 in the standalone page (issue 15): open a workbook with a plain list, pick the list, see the
 * preview (the rows, their codes, what could not be matched), write the table, see the re-check, and
 * download the copy with the new sheet; then the table below a project's text (写到) and 新建项目表, both
 * in the re-check and in the downloaded copy. The screenshots of the preview, of the preview below
 * 项目十六 and of the 新建项目表 dialog go to docs/screenshots/.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { launch, openPage, external, settled, SHOTS, TMP, type Watched } from './browser';
import { sampleWithListBytes } from '../core/schools/list-fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let browser: Browser | undefined;
let w: Watched | undefined;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  if (w) expect(external(w.requests)).toEqual([]);
  await browser?.close();
});

describe('生成学校表 in the standalone page', () => {
  it('previews the table from the list, with the two schools it cannot match', async () => {
    w = await openPage(browser!, 'index.html', { locale: 'zh-CN', width: 900 });
    await w.page
      .getByTestId('file-input')
      .setInputFiles({ name: '江川区2023.xlsx', mimeType: XLSX, buffer: Buffer.from(sampleWithListBytes()) });
    await w.page.getByTestId('summary').waitFor({ timeout: 60_000 });
    await w.page.getByRole('button', { name: '生成学校表' }).click();
    const dialog = w.page.getByTestId('school-table-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('名单所在').selectOption('保安名单');
    await dialog.getByRole('button', { name: '预览' }).click();
    const preview = w.page.getByTestId('school-table-preview');
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.getByRole('status').innerText()).toBe(
      '29 所学校，27 所已从学校名册填入代码，2 所未能匹配；名单单位“万元”，已换算为万元',
    );
    expect(await preview.locator('li').allInnerTexts()).toEqual([
      '“大街完小”不在学校名册中，未填代码',
      '“江川一中”不在学校名册中，未填代码',
    ]);
    expect(await preview.locator('tbody tr').count()).toBe(29);
    expect(await preview.locator('tbody tr').nth(4).locator('td').allInnerTexts()).toEqual([
      '大街小学',
      '2153005307',
      '玉溪市江川区大街街道大街小学',
      '11',
      '34.32',
    ]);
    await settled(w.page);
    await dialog.screenshot({ path: path.join(SHOTS, 'school-table-preview-zh.png') });
    expect(w.errors).toEqual([]);
  });

  it('writes the table, checks again and downloads the copy with 学校明细表', async () => {
    await w!.page.getByRole('button', { name: '生成到新工作表“学校明细表”' }).click();
    await w!.page.getByText('已生成工作表“学校明细表”，已重新检查。').waitFor({ timeout: 60_000 });
    // the re-check lists the new table's two unmatched codes
    expect(await w!.page.locator('[data-finding]', { hasText: '学校明细表!A33' }).count()).toBeGreaterThan(0);
    const [download] = await Promise.all([w!.page.waitForEvent('download'), w!.page.getByRole('button', { name: '下载标注副本' }).click()]);
    const file = path.join(TMP, 'school-table-copy.xlsx');
    await download.saveAs(file);
    const r = readXlsx(new Uint8Array(readFileSync(file)));
    if (!r.ok) throw new Error('copy unreadable');
    const sheet = r.snapshot.sheets.find((s) => s.name === '学校明细表')!;
    expect(sheet.cells.find((c) => c.row === 9 && c.col === 0)).toMatchObject({ value: '2153005307', numFmt: '@' });
    expect(sheet.cells.find((c) => c.row === 4 && c.col === 4)).toMatchObject({ value: 730.08, formula: 'SUM(E6:E34)' });
    expect(w!.errors).toEqual([]);
  });

  it('writes a second table below 项目十六’s text (写到), and the re-check reads it there', async () => {
    const page = w!.page;
    await page.getByRole('button', { name: '生成学校表' }).click();
    const dialog = page.getByTestId('school-table-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('名单所在').selectOption('保安名单');
    await dialog.getByTestId('school-table-place').selectOption('项目十六');
    await dialog.getByRole('button', { name: '预览' }).click();
    await page.getByTestId('school-table-preview').waitFor({ timeout: 60_000 });
    const write = dialog.getByRole('button', { name: '写入“项目十六”第 19 行起' });
    await write.waitFor();
    await settled(w!.page);
    await dialog.screenshot({ path: path.join(SHOTS, 'school-table-into-zh.png') });
    await write.click();
    await page.getByText('学校表已写入工作表“项目十六”的正文下方，已重新检查。').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-finding]', { hasText: '项目十六!A51' }).count()).toBeGreaterThan(0);
    expect(w!.errors).toEqual([]);
  });

  it('新建项目表: the dialog shows 项目十七’s headings; 新建 adds the sheet, the re-check shows its empty sections, the copy has it', async () => {
    const page = w!.page;
    await page.getByTestId('new-project-sheet').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('新建工作表“项目十七”').waitFor({ timeout: 60_000 });
    expect(await dialog.getByTestId('new-project-headings').locator('li').allInnerTexts()).toEqual([
      '项目十七',
      '项目名称',
      '立项依据',
      '项目实施单位',
      '项目基本概况',
      '项目实施内容',
      '资金安排情况',
      '项目实施计划',
      '项目实施成效',
    ]);
    // shown as they will be written: no list numbers of the page's own beside the headings' numbering
    expect(await dialog.getByTestId('new-project-headings').evaluate((e) => getComputedStyle(e).listStyleType)).toBe('none');
    await settled(w!.page);
    await dialog.screenshot({ path: path.join(SHOTS, 'new-project-sheet-zh.png') });
    await dialog.getByRole('button', { name: '新建' }).click();
    await page.getByText('已新建工作表“项目十七”', { exact: false }).waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-finding]', { hasText: '项目十七!A2' }).count()).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标注副本' }).click()]);
    const file = path.join(TMP, 'school-table-project-copy.xlsx');
    await download.saveAs(file);
    const r = readXlsx(new Uint8Array(readFileSync(file)));
    if (!r.ok) throw new Error('copy unreadable');
    expect(r.snapshot.sheets.find((s) => s.name === '项目十七')?.cells[0]?.text).toBe('项目十七');
    const p16 = r.snapshot.sheets.find((s) => s.name === '项目十六')!;
    expect(p16.cells.find((c) => c.row === 18 && c.col === 0)?.text).toBe('学校代码（10位代码）');
    expect(w!.errors).toEqual([]);
  });
});
