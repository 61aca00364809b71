/** 新建项目表 in Excel (fake host): the sheet is added with 项目N and the eight headings as text, shown, and re-read as a project. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../../src/hosts/excel/fake';
import { createExcelHost } from '../../../src/hosts/excel/host';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { buildDocument } from '../../../src/core/document';
import { checkWorkbook } from '../../../src/core/check';
import { newProjectSheet } from '../../../src/core/schools/project-style';

function seedHost() {
  const r = readXlsx(readFileSync(join(__dirname, '../../../seeds/jiangchuan-2023.xlsx')));
  if (!r.ok) throw new Error('seed');
  const fake = FakeExcel.fromSnapshot(r.snapshot);
  return { fake, snapshot: r.snapshot, host: createExcelHost({ run: fake.run, requirements: fake.requirements }) };
}

describe('新建项目表 in Excel', () => {
  it('adds 项目十七 with the eight headings (text cells), and the next check reads it as a project with eight empty sections', async () => {
    const { host, snapshot } = seedHost();
    const made = newProjectSheet(buildDocument(snapshot));
    const out = await host.addProjectSheet!(made.template);
    expect(out).toEqual({ ok: true, sheet: '项目十七' });
    const { snapshot: after } = await host.read();
    const sheet = after.sheets.find((s) => s.name === '项目十七')!;
    expect(sheet.cells.map((c) => c.text)).toEqual([
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
    expect(sheet.cells.every((c) => c.kind === 'text' && c.numFmt === '@')).toBe(true);
    const result = checkWorkbook({ snapshot: after });
    expect(result.document.projects).toHaveLength(17);
    expect(result.findings.filter((f) => f.sheet === '项目十七' && f.rule === 'section-empty')).toHaveLength(8);
    expect(result.findings.filter((f) => f.sheet === '项目十七' && f.rule === 'section-missing')).toEqual([]);
  });

  it('a sheet name already taken: one sentence, nothing else changed', async () => {
    const { host, snapshot, fake } = seedHost();
    const made = newProjectSheet(buildDocument(snapshot));
    const clash = { ...made.template, name: '项目一' };
    const before = fake.dump();
    const out = await host.addProjectSheet!(clash);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/^无法新建工作表“项目一”/);
    expect(fake.dump()).toEqual(before);
  });
});
