import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_GROUPS, RULES, ruleLabel } from '../../../src/core/rules/index';

const ROOT = resolve(__dirname, '../../..');
const RULE_DIR = join(ROOT, 'src/core/rules');
const NOT_RULES = new Set(['index.ts', 'types.ts', 'config.ts', 'engine.ts']);
const SPEC_IDS = [
  'section-missing',
  'section-duplicate',
  'section-order',
  'section-empty',
  'heading-numbering',
  'project-numbering',
  'funding-amount-missing',
  'total-mismatch',
  'repeated-item',
  'plan-funding-mismatch',
  'uppercase-mismatch',
  'uppercase-malformed',
  'arithmetic',
  'duplicate-text',
  'placeholder-text',
  'text-table-mismatch',
  'table-row-mismatch',
  'table-total-mismatch',
  'school-code-missing',
  'school-code-format',
  'school-code-category',
  'school-code-province',
  'school-code-duplicate',
  'school-code-registry-mismatch',
  'school-name-format',
  // issue 17 item 10: proposed for SPEC §4 (notes/relread.md)
  'formula-uncalculated',
  // proposed for SPEC §4: a plan left at last year's dates, the commonest trace of a copied workbook
  'stale-year',
];

const modules = readdirSync(RULE_DIR)
  .filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f))
  .map((f) => f.slice(0, -3));
const ids = RULES.map((r) => r.meta.id);

describe('rule index', () => {
  it('is sorted and has no duplicates', () => {
    expect(ids).toEqual([...new Set(ids)].sort());
  });
  it('has every rule of the SPEC catalogue, and nothing else', () => {
    expect([...ids].sort()).toEqual([...SPEC_IDS].sort());
  });
  it.each(modules)('rule module %s is in the index', (m) => {
    expect(ids, 'Missing rule from index').toContain(m);
  });
  it.each(ids)('%s has its doc page, its tests and a catalogue line', (id) => {
    expect(existsSync(join(ROOT, 'docs/rules', `${id}.md`)), `Missing documentation for rule ${id}`).toBe(true);
    expect(existsSync(join(ROOT, 'tests/core/rules', `${id}.test.ts`)), `Missing tests for rule ${id}`).toBe(true);
    expect(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8'), `Missing from docs/rules.md: ${id}`).toContain(`rules/${id}.md`);
  });
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s has complete metadata in both languages', (_id, rule) => {
    const { meta } = rule;
    expect(['error', 'warning', 'info']).toContain(meta.defaultSeverity);
    expect(meta.description.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(meta.description.en).toMatch(/[a-z]/i);
    const msgs = Object.entries(meta.messages);
    expect(msgs.length).toBeGreaterThan(0);
    for (const [mid, t] of msgs) {
      expect(t.zh, `${mid} zh`).toMatch(/[\u4e00-\u9fff]/);
      expect(t.en, `${mid} en`).toMatch(/[a-z]/i);
      // every placeholder appears in both languages
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(t.en), `${mid}: placeholders differ between zh and en`).toEqual(ph(t.zh));
    }
  });
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s has a Chinese name and a 设置 group', (_id, rule) => {
    const { meta } = rule;
    expect(meta.name.zh).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(meta.name.en).toMatch(/^[A-Z][a-z ]+$/);
    expect(RULE_GROUPS.map((g) => g.id)).toContain(meta.group);
  });
  it('names are unique, and a label is the name in Chinese and the id in English', () => {
    const names = RULES.map((r) => r.meta.name.zh);
    expect(new Set(names).size).toBe(names.length);
    expect(ruleLabel('heading-numbering', 'zh')).toBe('标题编号');
    expect(ruleLabel('school-code-missing', 'zh')).toBe('缺少学校代码');
    expect(ruleLabel('school-code-missing', 'en')).toBe('school-code-missing');
    expect(ruleLabel('no-such-rule', 'zh')).toBe('no-such-rule');
  });
  it('every group holds a rule', () => {
    for (const g of RULE_GROUPS)
      expect(
        RULES.some((r) => r.meta.group === g.id),
        g.id,
      ).toBe(true);
  });
});
