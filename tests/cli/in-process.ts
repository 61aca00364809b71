/**
 * Test helper: the CLI run in-process (`run`) over one input file, which it must leave unwritten (its
 * hash is compared before and after every run), and the snapshot of a copy it wrote.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { run } from '../../src/cli/run';
import { readXlsx } from '../../src/hosts/xlsx/read';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { hashTree } from './run-cli';

export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A runner of the CLI with `args`; `input()` names the file that must stay as it was. */
export function cliOver(input: () => string): (args: string[]) => Promise<InProcessRun> {
  return async (args) => {
    let stdout = '';
    let stderr = '';
    const before = hashTree(input());
    const code = await run(args, { out: (s) => void (stdout += s), err: (s) => void (stderr += s), progress: false });
    expect(hashTree(input())).toEqual(before);
    return { code, stdout, stderr };
  };
}

/** The snapshot of a workbook the CLI wrote. */
export function snapshotOf(path: string): WorkbookSnapshot {
  const r = readXlsx(new Uint8Array(readFileSync(path)));
  if (!r.ok) throw new Error(r.error.messageFor('en'));
  return r.snapshot;
}
