/**
 * `node --expose-gc --import tsx bench/phases.ts [projects] [rows]` — times each phase of a check
 * separately on one synthetic workbook (bench/.data, made by `npm run bench:data`):
 * findSchoolTables, readRegistry, readDisclosure, each rule, explanations + sort.
 *
 * Printed per phase: the minimum and median wall time of 7 runs, and the median CPU time of the
 * process (user + system, from process.cpuUsage) — on a machine shared with other work the CPU
 * time is the steadier figure. Each rule runs on a freshly built document, so work a rule
 * memoises per document (the amount analysis shared by the six amount rules) is counted in full
 * in every rule that needs it: the per-rule figures overlap and do not add up to the total.
 * For finding where the time goes; not a budget (`npm run bench` is).
 */
import { readFileSync } from 'node:fs';
import { readXlsx } from '../src/hosts/xlsx/read';
import { findSchoolTables, readRegistry } from '../src/core/schools/index';
import { readDisclosure } from '../src/core/disclosure/index';
import { buildDocument } from '../src/core/document';
import { RULES } from '../src/core/rules/index';
import { runRules } from '../src/core/rules/engine';
import { checkWorkbook } from '../src/core/check';
import { applyExplanations } from '../src/core/report/explanations';
import { sortFindings } from '../src/core/report/report';
import type { DisclosureDocument } from '../src/core/model';
import { workbookFile } from './data';

const p = Number(process.argv[2] ?? 1000);
const r = Number(process.argv[3] ?? 10000);
const rd = readXlsx(new Uint8Array(readFileSync(workbookFile(p, r))));
if (!rd.ok) throw new Error('read failed');
const snap = rd.snapshot;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function time<T>(label: string, fn: (prepared: T) => unknown, prepare: () => T, runs = 7): void {
  fn(prepare());
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prepared = prepare();
    gc();
    const c = process.cpuUsage();
    const t = performance.now();
    fn(prepared);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor(runs / 2);
  const f = (x: number): string => x.toFixed(1).padStart(9);
  console.log(`${label.padEnd(32)}${f(wall[0]!)}${f(wall[mid]!)}${f(cpu[mid]!)}`);
}

const none = (): null => null;
console.log(`${`${p} projects, ${r} rows`.padEnd(32)}${'min'.padStart(9)}${'median'.padStart(9)}${'cpu'.padStart(9)}`);
time('checkWorkbook (all)', () => checkWorkbook({ snapshot: snap }), none);
time('findSchoolTables', () => findSchoolTables(snap), none);
time('readRegistry', () => readRegistry(snap, 'workbook'), none);
const tables = findSchoolTables(snap);
time('readDisclosure', () => readDisclosure(snap, { tables, skipSheets: new Set() }), none);
time('buildDocument', () => buildDocument(snap), none);
const fresh = (): DisclosureDocument => buildDocument(snap);
for (const rule of RULES) time(rule.meta.id, (doc) => runRules(doc, [rule]), fresh);
const { findings } = runRules(buildDocument(snap), RULES);
time('applyExplanations', () => applyExplanations(findings, snap), none);
time('sortFindings', () => sortFindings(findings, snap), none);
