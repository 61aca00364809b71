/**
 * The pane's house rules, checked on the source: components get the host as props (no Office.js
 * outside the boot/bridge files), user text never goes into the page as HTML, and the .xlsx
 * reader and the Word writer are only reached through dynamic import().
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve('src/taskpane');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

const ALL = files(ROOT);
const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');
// comments stripped, so the rules below read code only
const code = (p: string) =>
  readFileSync(p, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

describe('task pane source rules', () => {
  it('only index.tsx and officeHost.ts touch Office.js', () => {
    const offenders = ALL.filter((p) => !['index.tsx', 'officeHost.ts'].includes(rel(p)) && /\b(Office|Excel)\.[a-zA-Z]/.test(code(p)));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('never puts text into the page as HTML', () => {
    const offenders = ALL.filter((p) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(code(p)),
    );
    expect(offenders.map(rel)).toEqual([]);
  });

  it('reaches the .xlsx reader and annotator only in the workbook worker (its own chunk)', () => {
    // the worker's session is the one module that imports the reader; only the worker entry imports it
    const reader = ALL.filter((p) => /^import[^;]*from '[./]*hosts\/xlsx\//m.test(code(p)));
    expect(reader.map(rel)).toEqual(['standalone/session.ts']);
    const session = ALL.filter((p) => /^import[^;]*from '\.\/session'/m.test(code(p)));
    expect(session.map(rel)).toEqual(['standalone/workbook.worker.ts']);
    // and the worker is started only as a Worker (never imported)
    const worker = ALL.filter((p) => code(p).includes('workbook.worker'));
    expect(worker.map(rel)).toEqual(['standalone/workerClient.ts']);
    expect(readFileSync(path.join(ROOT, 'standalone/workerClient.ts'), 'utf8')).toContain(
      `new Worker(/* webpackChunkName: "xlsx" */ new URL('./workbook.worker.ts', import.meta.url))`,
    );
  });

  it('imports the rules only in 设置 (a lazy chunk): the names beside the findings come with the result', () => {
    // CheckResult.rules carries each rule's name and description; importing core/rules/index anywhere else
    // puts every rule (and the text analysis they use) back into the pane's initial JavaScript
    const rules = ALL.filter((p) => /^import\s+(?!type\b)[^;]*from '[./]*core\/rules\/index'/m.test(code(p)));
    expect(rules.map(rel)).toEqual(['components/SettingsView.tsx']);
    expect(code(path.join(ROOT, 'App.tsx'))).toMatch(/const SettingsView = lazy\(\(\) =>\s*import\(/);
  });

  it("reaches the Word writer (docx) only through the lazy chunk, from App.tsx and the page's worker", () => {
    const staticImports = ALL.filter((p) =>
      /^import\s+(?!type\b)[^;]*from '[./]*(hosts\/docx|core\/export)[^']*'|^import\s+[^;]*from 'docx'/m.test(code(p)),
    );
    expect(staticImports.map(rel)).toEqual([]);
    const lazy = ALL.filter((p) =>
      /import\(\/\* webpackChunkName: "docx" \*\/ '(\.\.\/)+hosts\/docx\/write'\)/.test(readFileSync(p, 'utf8')),
    );
    // the pane in Excel; the standalone page's worker
    expect(lazy.map(rel).sort()).toEqual(['App.tsx', 'standalone/session.ts']);
  });
});
