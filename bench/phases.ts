/**
 * `node --import tsx bench/phases.ts [projects] [rows]` — times each phase of a check separately on one
 * synthetic workbook: findSchoolTables, readRegistry, readDisclosure, each rule, explanations + sort.
 * The median of 5 runs after a warm-up. For finding where the time goes; not a budget.
 */
import { readFileSync } from 'node:fs';
import { readXlsx } from '../src/hosts/xlsx/read';
import { findSchoolTables, readRegistry } from '../src/core/schools/index';
import { readDisclosure } from '../src/core/disclosure/index';
import { buildDocument } from '../src/core/document';
import { RULES } from '../src/core/rules/index';
import { runRules } from '../src/core/rules/engine';
import { applyExplanations } from '../src/core/report/explanations';
import { sortFindings } from '../src/core/report/report';
import { workbookFile } from './data';

const p = Number(process.argv[2] ?? 1000);
const r = Number(process.argv[3] ?? 10000);
const rd = readXlsx(new Uint8Array(readFileSync(workbookFile(p, r))));
if (!rd.ok) throw new Error('read failed');
const snap = rd.snapshot;

function time(label: string, fn: () => unknown, runs = 5): void {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  console.log(`${label.padEnd(32)} ${ts[Math.floor(ts.length / 2)]!.toFixed(1).padStart(9)} ms`);
}

time('findSchoolTables', () => findSchoolTables(snap));
time('readRegistry', () => readRegistry(snap, 'workbook'));
const tables = findSchoolTables(snap);
time('readDisclosure', () => readDisclosure(snap, { tables, skipSheets: new Set() }));
time('buildDocument', () => buildDocument(snap));
const doc = buildDocument(snap);
for (const rule of RULES) time(rule.meta.id, () => runRules(doc, [rule]));
const { findings } = runRules(doc, RULES);
time('applyExplanations', () => applyExplanations(findings, snap));
time('sortFindings', () => sortFindings(applyExplanations(findings, snap), snap));
