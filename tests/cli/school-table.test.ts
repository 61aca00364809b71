/**
 * `--school-table-from SHEET` / `'SHEET!A1:D40'` (issue 15): the copy gets the standard school table on a
 * new sheet, the check runs on the copy, the report says which schools were left without a code; the input
 * is never written. In-process through `run`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/core/check';
import { cliOver, snapshotOf } from './in-process';
import { tempDir } from './fixtures';
import { sampleWithListBytes } from '../core/schools/list-fixtures';

let dir: string;
let input: string;

beforeAll(() => {
  dir = tempDir();
  input = join(dir, '江川区2023.xlsx');
  writeFileSync(input, sampleWithListBytes());
});

const cli = cliOver(() => input);

describe('--school-table-from', () => {
  it('writes the copy with 学校明细表 and reports the two schools left without a code', async () => {
    const out = join(dir, 'with-table.xlsx');
    const r = await cli([input, '--school-table-from', '保安名单', '--out', out]);
    expect(r.code).toBe(1); // the sample's own errors remain
    expect(r.stdout).toContain(
      '已生成工作表“学校明细表”：29 所学校，27 所已从学校名册填入代码，2 所未能匹配；名单单位“万元”，已换算为万元',
    );
    expect(r.stdout).toContain(
      '    未填代码（学校名册中没有唯一对应，请核对后手工填写）：\n      - “大街完小”不在学校名册中，未填代码\n      - “江川一中”不在学校名册中，未填代码\n',
    );
    // the check ran on the copy: on the new sheet only the two unmatched schools
    const lines = r.stdout.split('\n').filter((l) => l.includes('学校明细表!'));
    expect(lines.map((l) => /学校明细表!([A-Z]+\d+).*\[(.+)\]$/.exec(l)!.slice(1).join(' '))).toEqual([
      'A33 缺少学校代码',
      'A34 缺少学校代码',
    ]);
    const snap = snapshotOf(out);
    expect(snap.sheets.map((s) => s.name)).toContain('学校明细表');
    const table = snap.sheets.find((s) => s.name === '学校明细表')!;
    expect(table.cells.find((c) => c.row === 9 && c.col === 0)).toMatchObject({ value: '2153005307', kind: 'text' });
    // the annotated copy: 检查结果 lists the new sheet's findings too
    expect(snap.sheets.map((s) => s.name).slice(-2)).toEqual(['学校明细表', '检查结果']);
  });

  it('takes a range, in English, as JSON with a schoolTable field', async () => {
    const out = join(dir, 'range.xlsx');
    const r = await cli([input, '--school-table-from', '保安名单!A1:C6', '--out', out, '--format', 'json', '--lang', 'en']);
    const rep = (JSON.parse(r.stdout) as { reports: { schoolTable: unknown; findings: { sheet: string }[] }[] }).reports[0]!;
    expect(rep.schoolTable).toEqual({
      sheet: '学校明细表',
      schools: 5,
      summary: '5 schools: 5 coded from the registry, 0 not matched; the list is in 万元, converted to 万元',
      unmatched: [],
      problems: [],
    });
    expect(rep.findings.filter((f: { sheet: string }) => f.sheet === '学校明细表')).toEqual([]);
    const found = checkWorkbook({ snapshot: snapshotOf(out) }).findings.filter((f) => f.sheet === '学校明细表');
    expect(found).toEqual([]);
  });

  it('--out-dir names the copy as usual', async () => {
    const outDir = join(dir, 'outs');
    const r = await cli([input, '--school-table-from', '保安名单', '--out-dir', outDir]);
    expect(r.code).toBe(1);
    expect(snapshotOf(join(outDir, '江川区2023.标注.xlsx')).sheets.some((s) => s.name === '学校明细表')).toBe(true);
  });

  it.each([
    [
      ['--school-table-from', '保安名单'],
      '--school-table-from 把生成的学校明细表写入副本，需要同时指定 --out（或 --out-dir）；输入文件从不被修改',
    ],
    [['--school-table-from', ' ', '--out', 'x.xlsx'], '--school-table-from 的值“ ”无效，应为工作表名或“工作表!A1:D40”'],
  ])('usage error %j: one sentence, exit 2', async (args, sentence) => {
    const r = await cli([input, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${sentence}\n`);
    expect(r.stdout).toBe('');
  });

  it('a list it cannot read: one sentence naming the file, exit 2, nothing written', async () => {
    const out = join(dir, 'never.xlsx');
    const r = await cli([input, '--school-table-from', '项目一!A1:A3', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^.+江川区2023\.xlsx：无法生成学校明细表：“项目一!A1:A3”中找不到学校名称列/);
    expect(() => readFileSync(out)).toThrow();
  });
});
