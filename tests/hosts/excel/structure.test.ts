/**
 * A workbook whose structure is protected (Review > Protect Workbook) refuses new, deleted, hidden
 * or renamed sheets: 生成学校表, 新建项目表 and 说明 say so in one sentence, change nothing, and a
 * 说明 on a sheet that already exists is still stored and removed.
 */
import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../../src/hosts/excel/fake';
import { createExcelHost } from '../../../src/hosts/excel/host';
import { EXPLANATION_SHEET } from '../../../src/core/report/explanations';
import { newProjectSheet } from '../../../src/core/schools/project-style';
import { buildDocument } from '../../../src/core/document';
import { listSheet, sampleListRows, sampleSnapshot, withSheet } from '../../core/schools/list-fixtures';
import { finding, workbook } from './workbook';

const hostOf = (fake: FakeExcel, lang: 'zh' | 'en' = 'zh') => createExcelHost({ run: fake.run, requirements: fake.requirements, lang });

function locked(fake: FakeExcel): FakeExcel {
  fake.state.structureProtected = true;
  return fake;
}

describe("the workbook's structure protected", () => {
  it('生成学校表: one sentence naming the sheet and what to do; the workbook unchanged, events back on', async () => {
    const fake = locked(FakeExcel.fromSnapshot(withSheet(sampleSnapshot(), listSheet('保安名单', sampleListRows()))));
    const before = fake.dump();
    const zh = await hostOf(fake).schoolTable!.write({ sheet: '保安名单' }, { config: {}, lang: 'zh' });
    expect(zh).toEqual({
      ok: false,
      message: '工作簿的结构受保护，无法新建工作表“学校明细表”：请在“审阅”>“保护工作簿”中取消保护后再试。',
    });
    const en = await hostOf(fake).schoolTable!.write({ sheet: '保安名单' }, { config: {}, lang: 'en' });
    expect(en).toEqual({
      ok: false,
      message:
        'The workbook\'s structure is protected, so the sheet "学校明细表" could not be added: unprotect it under Review > Protect Workbook and try again.',
    });
    expect(fake.dump()).toEqual(before);
    expect(fake.eventsEnabled).toBe(true);
  });

  it('新建项目表: the same sentence, nothing changed', async () => {
    const snap = workbook();
    const fake = locked(FakeExcel.fromSnapshot(snap));
    const before = fake.dump();
    const { template } = newProjectSheet(buildDocument(snap));
    const out = await hostOf(fake).addProjectSheet!(template);
    expect(out).toEqual({
      ok: false,
      message: `工作簿的结构受保护，无法新建工作表“${template.name}”：请在“审阅”>“保护工作簿”中取消保护后再试。`,
    });
    expect(fake.dump()).toEqual(before);
  });

  it('the first 说明 is refused before anything is written and said at the next check; on an existing sheet it is stored, and removing the last one empties the sheet', async () => {
    const fake = locked(FakeExcel.fromSnapshot(workbook()));
    const host = hostOf(fake);
    const f = finding('项目1', 'A5');
    await host.explain(f, '已核对');
    expect(fake.sheet(EXPLANATION_SHEET)).toBeUndefined();
    expect(fake.eventsEnabled).toBe(true);
    const out = await host.check({ config: {}, lang: 'zh' });
    expect(out.ok && out.notes).toContain(
      '工作簿的结构受保护，说明未能保存（说明存放在一个隐藏的工作表中）：请在“审阅”>“保护工作簿”中取消保护后再填写说明。',
    );

    fake.state.structureProtected = false;
    await host.explain(f, '已核对');
    fake.state.structureProtected = true;
    await host.explain(finding('项目1', 'A6'), '另一条');
    expect((await host.readExplanations()).map((e) => e.text)).toEqual(['已核对', '另一条']);
    await host.explain(f, '');
    await host.explain(finding('项目1', 'A6'), '');
    expect(await host.readExplanations()).toEqual([]);
    expect(fake.sheet(EXPLANATION_SHEET)?.visibility).toBe('VeryHidden'); // could not be deleted: empty
    const again = await host.check({ config: {}, lang: 'zh' });
    expect(again.ok && (again.notes ?? []).some((n) => n.includes('说明'))).toBe(false);
  });
});
