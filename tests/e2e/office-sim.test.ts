/**
 * The add-in flow in Chromium: the real task pane over the fake Excel object model (engineer #6)
 * holding the sample workbook. Check, go to a cell, fill the codes, clear the flags: afterwards
 * the workbook differs from before only by the codes the user chose to write.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fromA1 } from '../../src/core/snapshot/a1';
import { launch, openPage, external, SHOTS, type Watched } from './browser';
import { checkBytes, sampleBytes } from './workbooks';

interface Dump {
  sheets: { name: string; cells: Record<string, unknown>; notes: Record<string, string> }[];
  settings: Record<string, unknown>;
}

let browser: Browser | undefined;
let w: Watched;

beforeAll(async () => {
  browser = await launch();
  w = await openPage(browser, 'office-sim.html', { locale: 'zh-CN' });
  await w.page.waitForFunction(() => (window as unknown as { __sim?: unknown }).__sim !== undefined);
});

afterAll(async () => {
  expect(external(w.requests)).toEqual([]);
  await browser?.close();
});

const dump = async (page: Page): Promise<Dump> =>
  JSON.parse(await page.evaluate(() => (window as unknown as { __sim: { dump(): string } }).__sim.dump())) as Dump;

/** Cells (sheet!row,col) whose content differs between two dumps. */
function changedCells(a: Dump, b: Dump): string[] {
  const out: string[] = [];
  for (const sb of b.sheets) {
    const sa = a.sheets.find((s) => s.name === sb.name);
    const keys = new Set([...Object.keys(sa?.cells ?? {}), ...Object.keys(sb.cells)]);
    for (const k of keys) if (JSON.stringify(sa?.cells[k]) !== JSON.stringify(sb.cells[k])) out.push(`${sb.name}!${k}`);
  }
  return out.sort();
}

describe('add-in flow over the fake Excel', () => {
  const expected = checkBytes(sampleBytes(), 'zh');
  let before: Dump;

  it('检查 lists the findings and flags the cells', async () => {
    before = await dump(w.page);
    await w.page.getByRole('button', { name: '检查', exact: true }).click();
    await w.page.getByTestId('summary').waitFor();
    const errors = Number(await w.page.locator('[data-testid=summary] [data-count] span:first-child').first().innerText());
    expect(errors).toBe(expected.summary.errors);
    expect(await w.page.locator('[data-rule="plan-funding-mismatch"]').count()).toBeGreaterThanOrEqual(1);
    const flagged = await dump(w.page);
    expect(changedCells(before, flagged).length).toBeGreaterThan(0);
    await w.page.screenshot({ path: path.join(SHOTS, 'addin-findings-zh.png') });
  });

  it('clicking a finding selects its cell in the workbook', async () => {
    const target = expected.findings.find((f) => f.rule === 'plan-funding-mismatch')!;
    await w.page.getByRole('button', { name: new RegExp(`定位到 ${target.sheet}!${target.cell}：`) }).click();
    await expect
      .poll(() => w.page.evaluate(() => (window as unknown as { __sim: { selection(): unknown } }).__sim.selection()))
      .toEqual({ sheet: target.sheet, address: target.cell });
  });

  it('清除标记 leaves the workbook exactly as before the check', async () => {
    await w.page.getByRole('button', { name: '清除标记' }).click();
    await w.page.getByText('已清除本工具添加的全部标记。').waitFor();
    const after = await dump(w.page);
    expect(changedCells(before, after)).toEqual([]);
    expect(after).toEqual(before);
  });

  it('全部填入 writes the codes after confirmation; after 清除标记 only those cells differ', async () => {
    await w.page.getByRole('button', { name: '重新检查' }).click();
    await w.page.getByRole('button', { name: /^全部填入/ }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.waitFor();
    const codeFixes = expected.findings.filter((f) => f.fix && !f.fix.overwrite).map((f) => f.fix!);
    expect(codeFixes.length).toBeGreaterThan(0);
    for (const f of codeFixes) expect(await dialog.getByText(String(f.value), { exact: true }).count()).toBe(1);
    await dialog.getByRole('button', { name: '写入' }).click();
    await w.page.getByText(`已写入 ${codeFixes.length} 个单元格。`, { exact: false }).waitFor();
    for (const f of codeFixes) {
      const text = await w.page.evaluate(
        ([s, c]) => (window as unknown as { __sim: { cellText(s: string, c: string): string | null } }).__sim.cellText(s!, c!),
        [f.sheet, f.cell],
      );
      expect(text).toBe(String(f.value));
    }
    expect(await w.page.locator('[data-rule="school-code-missing"]').count()).toBe(0);
    await w.page.getByRole('button', { name: '清除标记' }).click();
    await w.page.getByText('已清除本工具添加的全部标记。').waitFor();
    const after = await dump(w.page);
    const written = codeFixes
      .map((f) => {
        const p = fromA1(f.cell)!;
        return `${f.sheet}!${p.row},${p.col}`;
      })
      .sort();
    expect(changedCells(before, after)).toEqual(written);
    expect(after.settings).toEqual(before.settings);
  });
});

describe('add-in pane in English (Office UI language en-US)', () => {
  it('checks and lists the findings in English', async () => {
    const en = await openPage(browser!, 'office-sim.html', { locale: 'en-US' });
    await en.page.waitForFunction(() => (window as unknown as { __sim?: unknown }).__sim !== undefined);
    await en.page.getByRole('button', { name: 'Check', exact: true }).click();
    await en.page.getByTestId('summary').waitFor();
    expect(await en.page.getByRole('button', { name: 'Clear flags' }).isVisible()).toBe(true);
    const expected = checkBytes(sampleBytes(), 'en');
    expect(await en.page.getByText(expected.findings[0]!.message, { exact: true }).count()).toBeGreaterThanOrEqual(1);
    await en.page.screenshot({ path: path.join(SHOTS, 'addin-findings-en.png') });
    expect(external(en.requests)).toEqual([]);
    await en.context.close();
  });
});
