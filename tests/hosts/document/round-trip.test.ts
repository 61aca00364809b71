/**
 * The product's own texts read back as documents give the workbook's findings:
 *
 * - the seed workbook exported to Word (`--export-docx`, src/hosts/docx) and read back as a .docx:
 *   the same findings by rule, message id and project, and as many, except what the export itself
 *   normalised (it renumbers the headings: heading-numbering is gone, and only for the projects whose
 *   headings the export changed). The workbook's 学校名册 is not in the Word file: it is given as the
 *   registry (`--registry`), as an accountant checking the Word file would.
 * - the seed text (seeds/jiangchuan-edu-2023-key-projects.txt, the real disclosure flattened to text)
 *   read as a .txt: the seed workbooks' findings by rule and project (the .txt has no registry sheet:
 *   compared with the workbook read without its 学校名册).
 * - real published texts of other bureaus (tests/fixtures/real, sources cited in each file) read as
 *   .txt: the findings of the workbooks built from them (tests/variants/real.ts), rule by rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { readDocument } from '../../../src/hosts/document/read';
import { exportDocxWithModel } from '../../../src/hosts/docx/write';
import { buildDocument } from '../../../src/core/document';
import { checkWorkbook } from '../../../src/core/check';
import type { Finding } from '../../../src/core/rules/types';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import type { ExportDocument } from '../../../src/core/export/types';
import { perSheet, realText, twoColumn } from '../../variants/real';

const ROOT = join(__dirname, '..', '..', '..');

function seedWorkbook(name: string): WorkbookSnapshot {
  const r = readXlsx(readFileSync(join(ROOT, 'seeds', name)));
  if (!r.ok) throw new Error(r.error.zh);
  return r.snapshot;
}

function document(bytes: Uint8Array, kind: 'docx' | 'txt'): WorkbookSnapshot {
  const r = readDocument(bytes, kind);
  if (!r.ok) throw new Error(r.error.zh);
  return r.snapshot;
}

/** Findings counted by the key. */
function tally(findings: readonly Finding[], key: (f: Finding) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[key(f)] = (out[key(f)] ?? 0) + 1;
  return out;
}

const byRuleMessageProject = (f: Finding): string => `${f.rule} ${f.messageId} ${f.project ?? '-'}`;
const byRuleProject = (f: Finding): string => `${f.rule} ${f.project ?? '-'}`;

describe('the seed exported to Word and read back as .docx', () => {
  let workbook: WorkbookSnapshot;
  let model: ExportDocument;
  let docx: WorkbookSnapshot;

  beforeAll(async () => {
    workbook = seedWorkbook('jiangchuan-2023.xlsx');
    const out = await exportDocxWithModel(buildDocument(workbook), { date: new Date('2023-03-01T00:00:00Z') });
    model = out.model;
    docx = document(out.bytes, 'docx');
  });

  it('gives the workbook’s findings by rule, message id, project and count, but for the headings the export renumbered', () => {
    const fromWorkbook = checkWorkbook({ snapshot: workbook }).findings;
    const fromDocx = checkWorkbook({ snapshot: docx, registry: { snapshot: workbook, source: 'jiangchuan-2023.xlsx' } }).findings;
    const renumbered = new Set(model.normalisations.filter((n) => n.kind === 'heading').map((n) => n.project));
    const headingFindings = fromWorkbook.filter((f) => f.rule === 'heading-numbering');
    // the six projects with mixed numbering in the seed: each had a heading renumbered by the export
    expect(headingFindings.map((f) => f.project)).toEqual(['项目一', '项目二', '项目三', '项目六', '项目八', '项目十四']);
    expect(headingFindings.every((f) => renumbered.has(f.project))).toBe(true);
    const expected = tally(
      fromWorkbook.filter((f) => f.rule !== 'heading-numbering'),
      byRuleMessageProject,
    );
    expect(tally(fromDocx, byRuleMessageProject)).toEqual(expected);
    // what can be compared of the places: the school table's findings name the same schools
    const schools = (fs: readonly Finding[]): string[] => fs.filter((f) => f.school !== undefined).map((f) => `${f.rule} ${f.school}`);
    expect(schools(fromDocx)).toEqual(schools(fromWorkbook));
  });

  it('reads the 16 projects and the school table of 项目十一 with its merged header', () => {
    const result = checkWorkbook({ snapshot: docx });
    expect(result.document.projects.map((p) => p.label)).toHaveLength(16);
    expect(result.document.tables).toHaveLength(1);
    expect(docx.sheets[0]!.merges.length).toBeGreaterThan(0);
  });
});

describe('the seed text read as .txt', () => {
  it('gives the seed workbooks’ findings by rule and project', () => {
    const txt = document(readFileSync(join(ROOT, 'seeds/jiangchuan-edu-2023-key-projects.txt')), 'txt');
    const got = tally(checkWorkbook({ snapshot: txt }).findings, byRuleProject);
    for (const name of ['jiangchuan-2023.xlsx', 'jiangchuan-2023-one-sheet.xlsx']) {
      const wb = seedWorkbook(name);
      // the text has no registry sheet: the workbook is checked without its 学校名册 too
      const withoutRegistry = { sheets: wb.sheets.filter((s) => s.name !== '学校名册') };
      expect(got, name).toEqual(tally(checkWorkbook({ snapshot: withoutRegistry }).findings, byRuleProject));
    }
    expect(Object.keys(got).length).toBeGreaterThan(10);
  });
});

describe('real published texts read as .txt', () => {
  // forms of the national 项目支出绩效目标表 (label<TAB>content rows and a funding table)
  for (const id of ['baise-edu-target-form', 'ningxiang-batang-target-form', 'qingshan-edu-target-form']) {
    it(`${id}: the findings of the workbooks built from it`, () => {
      const raw = readFileSync(join(ROOT, 'tests/fixtures/real', `${id}.txt`), 'utf8');
      // the fixture's header comment (source and notes) is not the published text
      const text = raw
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n');
      const txt = document(new TextEncoder().encode(text), 'txt');
      const findings = checkWorkbook({ snapshot: txt }).findings;
      expect(findings.length).toBeGreaterThan(0);
      const t = realText(id, '项目一');
      // a form's `label<TAB>content` row is label in A, content in B: the two-column layout, message for message
      const byRuleMessage = (f: Finding): string => `${f.rule} ${f.messageId}`;
      expect(tally(findings, byRuleMessage)).toEqual(tally(checkWorkbook({ snapshot: twoColumn([t]) }).findings, byRuleMessage));
      // and the layout with one paragraph a row (`label：content`), rule for rule
      const byRule = (f: Finding): string => f.rule;
      expect(tally(findings, byRule)).toEqual(tally(checkWorkbook({ snapshot: perSheet([t]) }).findings, byRule));
    });
  }
});
