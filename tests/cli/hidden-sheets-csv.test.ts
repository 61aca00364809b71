/**
 * The CSV report names the hidden sheets it did not check, as the text and JSON reports do: one row a
 * hidden sheet, after the file's findings, rule `hidden-sheet` (docs/cli.md, "csv").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { faultyWorkbook, tempDir } from './fixtures';
import { cliOver } from './in-process';

let input = '';
const cli = cliOver(() => input);

beforeAll(async () => {
  // the faulty project (one finding) and an old copy of it on a hidden sheet
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await faultyWorkbook()).slice().buffer);
  const old = wb.addWorksheet('旧版', { state: 'hidden' });
  old.getCell(1, 1).value = '项目一';
  old.getCell(2, 1).value = '一、项目名称';
  input = join(tempDir(), '有隐藏.xlsx');
  writeFileSync(input, new Uint8Array(await wb.xlsx.writeBuffer()));
});

/** The CSV's rows without the byte-order mark, split on CRLF. */
const rows = (stdout: string): string[] =>
  stdout
    .replace(/^\ufeff/, '')
    .replace(/\r\n$/, '')
    .split('\r\n');

describe('the CSV report and hidden sheets', () => {
  it('has a row for a hidden sheet of a checked workbook, after the findings (zh)', async () => {
    const r = await cli([input, '--format', 'csv']);
    const lines = rows(r.stdout);
    expect(lines[0]).toBe('文件,规则,级别,工作表,单元格,项目,学校,栏目,问题描述,应为,实为,修正,说明,规则编号');
    expect(lines.at(-1)).toBe(
      `${input},未检查的隐藏工作表,提示,旧版,,,,,隐藏的工作表，未检查（取消隐藏后再检查即可检查其内容）,,,,,hidden-sheet`,
    );
    // the findings come first, unchanged: one row each, as many as in the JSON report
    const json = JSON.parse((await cli([input, '--format', 'json'])).stdout) as { reports: { findings: { rule: string }[] }[] };
    expect(json.reports[0]!.findings.length).toBeGreaterThan(0);
    expect(lines.slice(1, -1).map((l) => l.split(',').at(-1))).toEqual(json.reports[0]!.findings.map((f) => f.rule));
  });

  it('in English, the rule column holds the id', async () => {
    const r = await cli([input, '--format', 'csv', '--lang', 'en']);
    expect(rows(r.stdout).at(-1)).toBe(
      `${input},hidden-sheet,info,旧版,,,,,"a hidden sheet, not checked (unhide it and check again to check it)",,,,`,
    );
  });

  it('a workbook without hidden sheets has no such row', async () => {
    const plain = join(tempDir(), '无隐藏.xlsx');
    writeFileSync(plain, await faultyWorkbook());
    const r = await cliOver(() => plain)([plain, '--format', 'csv']);
    expect(r.stdout).not.toContain('hidden-sheet');
  });
});
