#!/usr/bin/env node
/**
 * Where the whole command's time goes: builds the CLI (lib/ layout, into .tmp/prof/lib), runs it once on a
 * bench workbook under `node --cpu-prof`, and attributes every CPU sample to a phase by its stack:
 * start (loading the modules), read (readXlsx), document (buildDocument), each rule, report (explanations,
 * sort, summary), output (rendering and writing the report), GC (the garbage collector, attributed to no
 * phase), and other. Also prints the wall time of the whole process measured from outside, so that the
 * Node start-up before the profile begins is counted too.
 *
 *   node bench/cli-profile.mjs [--format json|text|csv] [--top 30] [workbook.xlsx]
 *
 * Never run by `npm test`. One run: figures of a busy machine are only comparable within that run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../scripts/build-cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const format = opt('--format', 'json');
const top = Number(opt('--top', '25'));
const file = args[0] ?? path.join(root, 'bench/.data/bench-1000p-10000r.xlsx');

const outdir = path.join(root, '.tmp/prof/lib');
const profDir = path.join(root, '.tmp/prof/out');
await buildCli({ outdir });
rmSync(profDir, { recursive: true, force: true });
mkdirSync(profDir, { recursive: true });

const t0 = performance.now();
const r = spawnSync(
  process.execPath,
  [
    '--cpu-prof',
    '--cpu-prof-interval',
    '250',
    `--cpu-prof-dir=${profDir}`,
    path.join(outdir, 'disclosure-check.js'),
    file,
    '--format',
    format,
  ],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  },
);
const wall = performance.now() - t0;
if (r.status !== 0 && r.status !== 1) throw new Error(`the command exited ${r.status}`);
const profFile = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
const prof = JSON.parse(readFileSync(path.join(profDir, profFile), 'utf8'));

// the source file of each line of the bundle: esbuild writes `// src/…/x.ts` before each module
const sourceOf = new Map();
const sourceLines = (url) => {
  if (sourceOf.has(url)) return sourceOf.get(url);
  let lines;
  try {
    const text = readFileSync(fileURLToPath(url), 'utf8').split('\n');
    lines = [];
    let cur = '';
    for (const line of text) {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
      if (m) cur = m[1];
      lines.push(cur);
    }
  } catch {
    lines = null;
  }
  sourceOf.set(url, lines);
  return lines;
};
const srcOf = (cf) => {
  if (!cf.url.startsWith('file:')) return cf.url;
  const lines = sourceLines(cf.url);
  const s = lines?.[cf.lineNumber] ?? '';
  return s || path.basename(cf.url);
};

const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** The phase of a stack (innermost first): the outermost recognised frame wins, except GC. */
function phaseOf(id) {
  const leaf = byId.get(id).callFrame;
  if (leaf.functionName === '(garbage collector)') return 'GC';
  if (leaf.functionName === '(idle)') return 'idle';
  if (leaf.functionName === '(program)') return 'program (V8/Node, no JS frame)';
  let phase = null;
  let rule = null;
  let sub = null;
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const cf = byId.get(cur).callFrame;
    const src = srcOf(cf);
    const fn = cf.functionName;
    if (sub === null && fn === 'analyseAmounts') sub = 'amount analysis (shared)';
    if (sub === null && fn === 'findSchoolTables') sub = 'findSchoolTables';
    if (sub === null && fn === 'readDisclosure') sub = 'readDisclosure';
    if (fn === 'readXlsx') phase = 'read';
    else if (fn === 'buildDocument') phase = sub ? `document: ${sub}` : 'document (other)';
    else if (fn === 'runRules') phase = sub === 'amount analysis (shared)' ? `rules: ${sub}` : rule ? `rule ${rule}` : 'rules (engine)';
    else if (fn === 'applyExplanations' || fn === 'sortFindings' || fn === 'summarize') phase = 'report (explanations, sort, summary)';
    else if (src.startsWith('src/cli/output') || src.startsWith('src/core/report/report') || fn === 'writeReport')
      phase = phase === null ? 'output (render, write)' : phase;
    else if (fn === 'runJob' && phase === null) phase = 'job (other)';
    if (src.startsWith('src/core/rules/') && !src.endsWith('engine.ts') && fn === 'check') rule = path.basename(src, '.ts');
    else if (src.startsWith('src/core/rules/') && !src.endsWith('engine.ts') && rule === null) rule = path.basename(src, '.ts');
  }
  if (phase !== null) return phase;
  // module loading and compiling before any work: no phase frame, only top-level module code
  return 'start and other';
}

const phases = new Map();
const selfBy = new Map();
const deltas = prof.timeDeltas;
let total = 0;
for (let i = 0; i < prof.samples.length; i++) {
  const dt = (deltas[i + 1] ?? 0) / 1000; // ms this sample stands for
  total += dt;
  const id = prof.samples[i];
  const ph = phaseOf(id);
  phases.set(ph, (phases.get(ph) ?? 0) + dt);
  const cf = byId.get(id).callFrame;
  const key = `${cf.functionName || '(anonymous)'} ${srcOf(cf)}:${cf.lineNumber + 1}`;
  selfBy.set(key, (selfBy.get(key) ?? 0) + dt);
}
const pad = (s, n) => String(s).padEnd(n);
console.log(
  `${file} --format ${format}: process wall ${wall.toFixed(0)} ms, profiled ${total.toFixed(0)} ms (Node's own start before the profile: ~${(wall - total).toFixed(0)} ms)`,
);
for (const [k, v] of [...phases].sort((a, b) => b[1] - a[1]))
  console.log(`  ${pad(k, 44)} ${v.toFixed(0).padStart(7)} ms  ${((100 * v) / total).toFixed(1).padStart(5)}%`);
console.log(`top ${top} functions by self time:`);
for (const [k, v] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${v.toFixed(0).padStart(7)} ms  ${k}`);
