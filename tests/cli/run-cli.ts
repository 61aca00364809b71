/**
 * Test helper: spawns the installed command — lib/disclosure-check.js, the package's bin, built from the
 * sources by the vitest global set-up (tests/setup/build-cli.ts) — and hashes files. The sources themselves
 * run in-process (run.test.ts) and through `npm run cli` (cli.test.ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const BIN = join(ROOT, 'lib/disclosure-check.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command from any working directory; `stdin`: bytes piped to it (else none). */
export function runCli(args: string[], cwd = ROOT, stdin?: Uint8Array): Promise<CliRun> {
  return runCommand(process.execPath, [BIN, ...args], cwd, { ...(stdin !== undefined && { stdin }) });
}

export interface RunOptions {
  /** Bytes piped to standard input (else none). */
  readonly stdin?: Uint8Array;
  /** Variables set over this process's environment. */
  readonly env?: Record<string, string>;
}

export function runCommand(command: string, args: string[], cwd: string, { stdin, env }: RunOptions = {}): Promise<CliRun> {
  return new Promise((res, rej) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', ...env },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', rej);
    child.on('close', (code) => res({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** sha256 of every file under a path (a file or a directory), by relative path. */
export function hashTree(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string, rel: string): void => {
    if (statSync(p).isDirectory()) {
      for (const n of readdirSync(p).sort()) walk(join(p, n), rel ? `${rel}/${n}` : n);
    } else {
      out[rel || p] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(path, '');
  return out;
}

/** A stack trace line, as Node prints them. */
export const STACK = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
