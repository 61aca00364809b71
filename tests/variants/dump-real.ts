/**
 * Prints what the product finds on each real text in each layout (expected vs actual is in
 * cases-real.ts; this is for looking): npx tsx tests/variants/dump-real.ts [id]
 */
import { checkWorkbook } from '../../src/core/check';
import { LAYOUTS, realText, type LayoutName } from './real';
import { REAL_TEXTS } from './cases-real';

const only = process.argv[2];
for (const [id, sheetName] of REAL_TEXTS) {
  if (only && id !== only) continue;
  for (const layout of Object.keys(LAYOUTS) as LayoutName[]) {
    const r = checkWorkbook({ snapshot: LAYOUTS[layout]([realText(id, sheetName)]), lang: 'zh' });
    console.log(`\n== ${id} / ${layout}: ${r.document.projects.length} projects${r.nothingToCheck ? ', nothing to check' : ''}`);
    for (const p of r.document.projects)
      console.log(`  project ${p.label}: ${p.sections.map((s) => `${s.key}@${s.level ?? 0}`).join(' ')}`);
    for (const s of r.document.skipped ?? [])
      console.log(`  skipped ${s.sheet}: ${s.reason} ${JSON.stringify(s.sections ?? [])} ${JSON.stringify(s.headings ?? [])}`);
    for (const f of r.findings) console.log(`  ${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${f.message}`);
  }
}
