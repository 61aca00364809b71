/** Writes tests/fixtures/variants/failing.json: each pending case, expected vs actual findings. */
import { writeFileSync } from 'node:fs';
import { checkWorkbook } from '../../src/core/check';
import { compare } from './compare';
import { NOTES, PENDING_CASES } from './pending';

const out = PENDING_CASES.map((c) => {
  const r = checkWorkbook({ snapshot: c.snapshot, lang: 'zh' });
  const d = compare(r.findings, c.expected);
  return {
    id: c.id,
    about: c.about,
    ...NOTES[c.id],
    expected: c.expected,
    expectedProjects: c.projects,
    foundProjects: r.document.projects.map((p) => p.label),
    missing: d.missing,
    unexpected: d.unexpected,
  };
}).sort((a, b) => (a.priority ?? 9) - (b.priority ?? 9));
writeFileSync(new URL('../fixtures/variants/failing.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log(`${out.length} pending cases written`);
