/** Test helper: spawns the CLI exactly as `npm run --silent cli --` does, and hashes files. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const BIN = join(ROOT, 'bin/disclosure-check.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/disclosure-check.js (which registers tsx itself, so any working directory works). */
export function runCli(args: string[], cwd = ROOT): Promise<CliRun> {
  return runCommand(process.execPath, [BIN, ...args], cwd);
}

export function runCommand(command: string, args: string[], cwd: string): Promise<CliRun> {
  return new Promise((res, rej) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
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
