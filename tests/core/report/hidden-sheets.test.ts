import { describe, expect, it } from 'vitest';
import { hiddenNote, renderText, toJsonReport, type FileReport } from '../../../src/core/report/report';
import { checkWorkbook } from '../../../src/core/check';
import { sheet, workbook } from '../../variants/build';
import type { SkippedSheet } from '../../../src/core/model';

const ZERO = { errors: 0, warnings: 0, infos: 0, explained: 0 };
const report = (skipped: readonly SkippedSheet[]): FileReport => ({ file: 'a.xlsx', summary: ZERO, findings: [], skipped });

describe('hidden sheets are never silent', () => {
  it('the text report names the hidden sheets it did not check, with findings or none', () => {
    const text = renderText([report([{ sheet: '旧版', reason: 'hidden' }])], 'zh');
    expect(text).toContain('未发现问题。');
    expect(text).toContain('未检查隐藏的工作表：“旧版”');
    expect(renderText([report([{ sheet: '旧版', reason: 'hidden' }])], 'en')).toContain('Hidden sheets not checked: "旧版"');
  });

  it('says nothing when no sheet is hidden (other skipped sheets are listed only when nothing was checked)', () => {
    expect(hiddenNote([{ sheet: '说明', reason: 'instructions' }], 'zh')).toBeUndefined();
    expect(renderText([report([{ sheet: '说明', reason: 'instructions' }])], 'zh')).not.toContain('隐藏');
  });

  it('the JSON report lists the hidden sheets of a checked workbook, and only those', () => {
    const json = toJsonReport(
      [
        report([
          { sheet: '说明', reason: 'instructions' },
          { sheet: '旧版', reason: 'hidden' },
        ]),
      ],
      'zh',
    );
    expect(json.reports[0]!.nothingToCheck).toBeUndefined();
    expect(json.reports[0]!.skipped).toEqual([{ sheet: '旧版', reason: 'hidden', message: expect.stringContaining('隐藏') as string }]);
    expect(toJsonReport([report([{ sheet: '说明', reason: 'instructions' }])], 'zh').reports[0]!.skipped).toBeUndefined();
  });

  it('a registry on a hidden sheet is still read as the registry (not skipped as hidden)', () => {
    const snapshot = workbook({
      ...sheet('学校名册', [
        ['学校标识码', '学校名称'],
        ['2153000001', '江川区第一中学'],
      ]),
      visibility: 'hidden',
    });
    const doc = checkWorkbook({ snapshot, lang: 'zh' }).document;
    expect(doc.skipped?.map((s) => s.reason)).toEqual(['registry']);
    expect(doc.registry.length).toBe(1);
  });
});
