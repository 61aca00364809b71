/**
 * A finding on a document read as a sheet (src/hosts/document) is placed where the reader of the
 * document looks: 第N段 / 表T第R行第C列 / 第N行 in the text report, `paragraph` / `table` / `line` in JSON beside
 * `sheet` and `cell`; a workbook's report is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { renderText, toJsonReport, type FileReport } from '../../../src/core/report/report';
import { documentPlace, type DocumentPlaces } from '../../../src/core/report/places';
import type { Finding } from '../../../src/core/rules/types';

const finding = (row: number, col: number, cell: string): Finding => ({
  rule: 'placeholder-text',
  severity: 'warning',
  message: '“元”前缺少金额',
  messageId: 'missingAmount',
  sheet: '正文',
  cell,
  row,
  col,
  project: '项目八',
  key: `k${row}`,
});

const word: DocumentPlaces = { unit: 'paragraph', sheet: '正文', rows: [{ n: 1 }, { table: 1, tableRow: 1 }, { n: 2 }] };
const text: DocumentPlaces = { unit: 'line', sheet: '正文', rows: [{ n: 1 }, { n: 3, cellLines: [3, 4] }] };

const report = (places: DocumentPlaces | undefined, findings: Finding[]): FileReport => ({
  file: 'a.docx',
  summary: { errors: 0, warnings: findings.length, infos: 0, explained: 0 },
  findings,
  ...(places !== undefined && { places }),
});

describe('places in a document', () => {
  it('says 第N段, 表T第R行第C列 and 第N行 in the text report, and their English', () => {
    const findings = [finding(0, 0, 'A1'), finding(1, 2, 'C2'), finding(2, 0, 'A3')];
    expect(renderText([report(word, findings)], 'zh')).toContain('    第1段  警告');
    expect(renderText([report(word, findings)], 'zh')).toContain('    表1第1行第3列  警告');
    expect(renderText([report(word, findings)], 'en')).toContain('    paragraph 2  warning');
    expect(renderText([report(text, [finding(1, 1, 'B2')])], 'zh')).toContain('    第4行  警告');
    expect(renderText([report(text, [finding(1, 1, 'B2')])], 'en')).toContain('    line 4  warning');
  });

  it('adds paragraph, table or line to the JSON finding and keeps sheet and cell', () => {
    const json = toJsonReport([report(word, [finding(0, 0, 'A1'), finding(1, 2, 'C2')])]).reports[0]!.findings;
    expect(json[0]).toMatchObject({ sheet: '正文', cell: 'A1', paragraph: 1 });
    expect(json[1]).toMatchObject({ sheet: '正文', cell: 'C2', table: { index: 1, row: 1, column: 3 } });
    expect(toJsonReport([report(text, [finding(0, 0, 'A1')])]).reports[0]!.findings[0]).toMatchObject({ line: 1 });
  });

  it('leaves a workbook’s report and another sheet’s finding as they were', () => {
    const plain = renderText([report(undefined, [finding(0, 0, 'A1')])], 'zh');
    expect(plain).toContain('    正文!A1  警告');
    expect(documentPlace(word, '其他', 0, 0)).toBeUndefined();
    expect(toJsonReport([report(undefined, [finding(0, 0, 'A1')])]).reports[0]!.findings[0]).not.toHaveProperty('paragraph');
  });
});
