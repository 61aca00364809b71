/**
 * disclosure-check: the command-line entry (`npm run --silent cli -- <args>`, or bin/disclosure-check.js).
 * stdout carries the report and nothing else; messages go to stderr; no stack trace unless --debug.
 */
import { run } from './run';
import { M, say } from './messages';

const argv = process.argv.slice(2);
const debug = argv.includes('--debug');
const lang = argv.some((a, i) => (a === '--lang' && argv[i + 1] === 'en') || a === '--lang=en') ? 'en' : 'zh';

// A closed pipe (`disclosure-check … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

try {
  const code = await run(argv, {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    progress: process.stderr.isTTY === true,
  });
  process.exitCode = code;
} catch (e) {
  process.stderr.write(`${say(M.internalGlobal, lang)}\n`);
  if (debug) process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
}
