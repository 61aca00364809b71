/** Expands the command line's paths: files as given, directories to their .xlsx/.xlsm/.xls (recursive, sorted). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../core/rules/types';
import { M, fsReason, say } from './messages';

export interface InputTask {
  /** Position in the report (command-line order, then directory order). */
  readonly index: number;
  /** The path as shown in reports. */
  readonly file: string;
}

export interface InputProblem {
  readonly index: number;
  readonly file: string;
  readonly message: string;
}

const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

/** The input that names standard input. */
export const STDIN = '-';

function walk(dir: string, out: string[]): void {
  const names = readdirSync(dir, { withFileTypes: true })
    .map((d) => ({ name: d.name, dir: d.isDirectory(), file: d.isFile() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const n of names) {
    const p = join(dir, n.name);
    if (n.dir) walk(p, out);
    // `~$name.xlsx` is Excel's lock file of an open workbook, not a workbook
    else if (n.file && WORKBOOK.test(n.name) && !n.name.startsWith('~$')) out.push(p);
  }
}

/** Items in order: a task to check, or a problem with the path itself (exit 2). */
export function expandInputs(paths: readonly string[], lang: Lang): (InputTask | InputProblem)[] {
  const items: (InputTask | InputProblem)[] = [];
  for (const p of paths) {
    // `-`: the workbook on standard input (run.ts reads it)
    if (p === STDIN) {
      items.push({ index: items.length, file: p });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : '';
      const message =
        code === 'ENOENT' || code === 'ENOTDIR' ? say(M.missingPath(p), lang) : say(M.unreadablePath(p, fsReason(e, lang)), lang);
      items.push({ index: items.length, file: p, message });
      continue;
    }
    if (!isDir) {
      items.push({ index: items.length, file: p });
      continue;
    }
    const found: string[] = [];
    try {
      walk(p, found);
    } catch (e) {
      items.push({ index: items.length, file: p, message: say(M.unreadablePath(p, fsReason(e, lang)), lang) });
      continue;
    }
    if (found.length === 0) items.push({ index: items.length, file: p, message: say(M.noXlsxInDir(p), lang) });
    for (const f of found) items.push({ index: items.length, file: f });
  }
  return items;
}

export function isProblem(x: InputTask | InputProblem): x is InputProblem {
  return 'message' in x;
}
