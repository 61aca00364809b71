/** `npx tsx tests/variants/dump.ts [id]`: prints each case's diff (expected vs actual). */
import { checkWorkbook } from '../../src/core/check';
import { CASES } from './cases';
import { compare } from './compare';
import { PENDING_CASES } from './pending';

const pending = process.argv[2] === '--pending';
const only = pending ? undefined : process.argv[2];
for (const c of (pending ? PENDING_CASES : CASES).filter((c) => only === undefined || c.id === only)) {
  const r = checkWorkbook({ snapshot: c.snapshot, lang: 'zh' });
  const d = compare(r.findings, c.expected);
  const counts =
    (c.projects === undefined || c.projects === r.document.projects.length) &&
    (c.tables === undefined || c.tables === r.document.tables.length);
  const ok = counts && d.missing.length === 0 && d.unexpected.length === 0 && r.failures.length === 0;
  console.log(
    `${ok ? 'PASS' : 'FAIL'} ${c.id}  (projects ${r.document.projects.map((p) => `${p.label}[${p.sections.map((s) => s.key).join(',')}]`).join(' ')}; tables ${r.document.tables.length})`,
  );
  if (!ok) {
    if (!counts)
      console.log(
        `   counts: projects ${r.document.projects.length} (want ${c.projects}), tables ${r.document.tables.length} (want ${c.tables})`,
      );
    for (const m of d.missing) console.log(`   missing:    ${m}`);
    for (const u of d.unexpected) console.log(`   unexpected: ${u}`);
    for (const f of r.failures) console.log(`   failure: ${JSON.stringify(f)}`);
  }
}
