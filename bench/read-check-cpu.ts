/**
 * CPU time of the read and of the check of one workbook, for comparing two trees in turn:
 *   node --import tsx bench/read-check-cpu.ts <tree> <file.xlsx>
 * reads the file with <tree>'s readXlsx three times, checks each snapshot twice (fresh, then again)
 * and prints the minimum of each, in ms of process CPU (user + system): run it for the base and the
 * new tree alternately, in separate processes, so that both see the same machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Tree {
  readXlsx: (bytes: Uint8Array) => { snapshot?: unknown };
  checkWorkbook: (request: { snapshot: unknown }) => { findings: readonly unknown[] };
}

const [tree = '.', file] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node --import tsx bench/read-check-cpu.ts <tree> <file.xlsx>');
  process.exit(2);
}
const load = async (rel: string): Promise<Record<string, unknown>> =>
  (await import(pathToFileURL(path.resolve(tree, rel)).href)) as Record<string, unknown>;
const t: Tree = {
  readXlsx: (await load('src/hosts/xlsx/read.ts')).readXlsx as Tree['readXlsx'],
  checkWorkbook: (await load('src/core/check.ts')).checkWorkbook as Tree['checkWorkbook'],
};
const bytes = new Uint8Array(readFileSync(file));
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const reads: number[] = [];
const fresh: number[] = [];
const again: number[] = [];
let findings = 0;
for (let i = 0; i < 3; i++) {
  let s = cpu();
  const r = t.readXlsx(bytes);
  reads.push(cpu() - s);
  const snapshot = r.snapshot ?? r;
  s = cpu();
  findings = t.checkWorkbook({ snapshot }).findings.length;
  fresh.push(cpu() - s);
  s = cpu();
  t.checkWorkbook({ snapshot });
  again.push(cpu() - s);
}
const min = (xs: number[]): string => Math.min(...xs).toFixed(0);
console.log(`${tree}: read ${min(reads)} ms, first check ${min(fresh)} ms, re-check ${min(again)} ms CPU (min of 3); ${findings} findings`);
