/** 导出公开文本's Word template, remembered in the workbook's settings (fake Excel). */
import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../../src/hosts/excel/fake';
import { createExcelHost } from '../../../src/hosts/excel/host';
import { TEMPLATE_SETTING_KEY } from '../../../src/hosts/excel/template-store';
import { MAX_REMEMBERED_TEMPLATE, decodeStoredTemplate, fromBase64, toBase64 } from '../../../src/core/stored-template';
import { workbook } from './workbook';

const bytes = new Uint8Array([80, 75, 3, 4, 0, 255, 128, 7, 9]);

describe('the Word template remembered for the workbook', () => {
  it('is saved in the workbook settings and read back by a new session (the same bytes and name)', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
    expect(await host.docxTemplate!.load()).toBeNull();
    expect(await host.docxTemplate!.save({ name: '某县财政局模板.docx', bytes })).toBe(true);
    expect(decodeStoredTemplate(fake.state.settings[TEMPLATE_SETTING_KEY])?.name).toBe('某县财政局模板.docx');
    const again = createExcelHost({ run: fake.run, requirements: fake.requirements });
    const t = await again.docxTemplate!.load();
    expect(t?.name).toBe('某县财政局模板.docx');
    expect([...t!.bytes]).toEqual([...bytes]);
  });

  it('is forgotten on request, and a template too large to keep is not stored', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
    await host.docxTemplate!.save({ name: 'a.docx', bytes });
    expect(await host.docxTemplate!.save(null)).toBe(true);
    expect(fake.state.settings[TEMPLATE_SETTING_KEY]).toBeUndefined();
    expect(await host.docxTemplate!.load()).toBeNull();
    expect(await host.docxTemplate!.save(null)).toBe(true); // nothing to forget
    expect(await host.docxTemplate!.save({ name: 'big.docx', bytes: new Uint8Array(MAX_REMEMBERED_TEMPLATE + 1) })).toBe(false);
    expect(fake.state.settings[TEMPLATE_SETTING_KEY]).toBeUndefined();
  });

  it('an unreadable stored value counts as none; no settings API: no store', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    fake.state.settings[TEMPLATE_SETTING_KEY] = '{"v":1,"name":"x","data":"not base64!"}';
    const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
    expect(await host.docxTemplate!.load()).toBeNull();
    const old = FakeExcel.fromSnapshot(workbook(), { features: { settings: false } });
    expect(createExcelHost({ run: old.run, requirements: old.requirements, caps: { settings: false } }).docxTemplate).toBeUndefined();
  });

  it('base64 round trip of every length', () => {
    for (let n = 0; n < 10; n++) {
      const b = new Uint8Array(n).map((_, i) => (i * 97 + 13) & 255);
      expect([...fromBase64(toBase64(b))!]).toEqual([...b]);
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
    }
  });
});
