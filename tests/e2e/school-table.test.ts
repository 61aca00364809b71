/**
 * 生成学校表 in the standalone page (issue 15): open a workbook with a plain list, pick the list, see the
 * preview (the rows, their codes, what could not be matched), write the table, see the re-check, and
 * download the copy with the new sheet. The preview's screenshot goes to docs/screenshots/.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { launch, openPage, external, SHOTS, TMP, type Watched } from './browser';
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
    await dialog.getByRole('combobox').selectOption('保安名单');
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
    await w.page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished),
      ),
    );
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
});
