/**
 * QA variants: workbooks of another bureau (四川省苍溪县), other wording and layouts, each with
 * the findings an accountant expects. Clean inputs: zero errors, zero warnings.
 * Cases the product gets wrong today live in pending.ts (not run) until fixed.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/core/check';
import { CASES as BASE_CASES, type VariantCase } from './cases';
import { QUANTITY_CASES } from './cases-quantities';
import { REAL_CASES } from './cases-real';
import { STRUCTURE_CASES } from './cases-structure';
import { UNSEEN_CASES } from './cases-unseen';
import { BUREAU_CASES } from './cases-bureaus';
import { compare } from './compare';
import { toXlsx } from './xlsx';
import { readXlsx } from '../../src/hosts/xlsx/read';

const CASES: VariantCase[] = [...BASE_CASES, ...STRUCTURE_CASES, ...REAL_CASES, ...QUANTITY_CASES, ...UNSEEN_CASES, ...BUREAU_CASES];

const skippedOf = (r: ReturnType<typeof checkWorkbook>) => (r.document.skipped ?? []).map((x) => ({ sheet: x.sheet, reason: x.reason }));

describe('variant workbooks', () => {
  for (const c of CASES) {
    it(`${c.id}: ${c.about}`, () => {
      const result = checkWorkbook({ snapshot: c.snapshot, lang: 'zh' });
      expect(result.failures).toEqual([]);
      if (c.projects !== undefined) expect(result.document.projects.length).toBe(c.projects);
      if (c.tables !== undefined) expect(result.document.tables.length).toBe(c.tables);
      if (c.skipped !== undefined) expect(skippedOf(result)).toEqual(c.skipped);
      const { missing, unexpected } = compare(result.findings, c.expected);
      expect({ missing, unexpected }).toEqual({ missing: [], unexpected: [] });
    });
  }
});

/** The same cases written to .xlsx with exceljs and read back by the product's reader. */
describe('variant workbooks through .xlsx', () => {
  for (const c of CASES) {
    it(`${c.id} (.xlsx)`, async () => {
      const read = readXlsx(await toXlsx(c.snapshot));
      if (!read.ok) throw new Error(read.error.message);
      const result = checkWorkbook({ snapshot: read.snapshot, lang: 'zh' });
      expect(result.failures).toEqual([]);
      if (c.projects !== undefined) expect(result.document.projects.length).toBe(c.projects);
      if (c.tables !== undefined) expect(result.document.tables.length).toBe(c.tables);
      if (c.skipped !== undefined) expect(skippedOf(result)).toEqual(c.skipped);
      const { missing, unexpected } = compare(result.findings, c.expected);
      expect({ missing, unexpected }).toEqual({ missing: [], unexpected: [] });
    });
  }
});
