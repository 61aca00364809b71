#!/usr/bin/env node
/**
 * disclosure-check: the command-line entry. Built to lib/disclosure-check.js, the package's command
 * (scripts/build-cli.mjs); `npm run --silent cli -- <args>` runs this source through tsx.
 * stdout carries the report and nothing else; messages go to stderr; no stack trace unless --debug.
 * `--help` is answered before the checker is loaded, so it starts about as fast as Node itself.
 */
import { isatty } from 'node:tty';
import { parseArgs } from './args';
import { HELP } from './help';
import { M, fsReason, say } from './messages';

const argv = process.argv.slice(2);
const debug = argv.includes('--debug');
const lang = argv.some((a, i) => (a === '--lang' && argv[i + 1] === 'en') || a === '--lang=en') ? 'en' : 'zh';

// A closed pipe (`disclosure-check … | head`) is not an error; any other failure to write the report is
// one sentence on stderr, exit 2.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.stderr.write(`${say(M.stdoutFailed(fsReason(e, lang)), lang)}\n`);
  process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
});

/** Writes a piece of the report; when stdout's buffer is full, resolves once it has drained. */
function out(s: string): void | Promise<void> {
  if (process.stdout.write(s)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

try {
  const parsed = parseArgs(argv);
  if (parsed.ok && parsed.options.help) {
    await out(HELP);
    process.exitCode = 0;
  } else {
    const { run } = await import('./run');
    process.exitCode = await run(argv, {
      out,
      err: (s) => void process.stderr.write(s),
      progress: isatty(2),
      stdin: { isTTY: isatty(0), read: () => process.stdin },
    });
  }
  // the report is out of Node's hands before the process ends
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
} catch (e) {
  process.stderr.write(`${say(M.internalGlobal, lang)}\n`);
  if (debug) process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
}
