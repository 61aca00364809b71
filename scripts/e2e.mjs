#!/usr/bin/env node
// End-to-end: builds the pages (plus the simulated Office host page) into .tmp/e2e-dist,
// measures the task pane's initial JavaScript (gzip; budget 250 KB), serves the build on a
// local port and runs tests/e2e/** (vitest, vitest.e2e.config.ts) against it in Debian's
// Chromium through playwright-core. Exits non-zero when anything fails.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.tmp', 'e2e-dist');
const BUDGET = 250 * 1024;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function fail(msg) {
  console.error(`e2e: ${msg}`);
  process.exit(1);
}

if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(path.join(out, 'index.html'))) {
  console.log('e2e: building the pages…');
  const b = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'e2e', '--output-path', out],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  );
  if (b.status !== 0) {
    process.stdout.write(b.stdout ?? '');
    fail('the build failed');
  }
}

// the initial JavaScript of each page: the entry (taskpane.html's scripts) plus the chunk
// group its boot path loads at once (pane-office inside Excel, pane-standalone in a browser)
const groups = JSON.parse(readFileSync(path.join(out, 'e2e-chunks.json'), 'utf8'));
function pageScripts(file) {
  const html = readFileSync(path.join(out, file), 'utf8');
  const list = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  if (!list.some((s) => s.startsWith('taskpane.'))) fail(`${file} loads no taskpane bundle`);
  return list;
}
function measure(files) {
  let raw = 0;
  let gz = 0;
  for (const f of new Set(files)) {
    const bytes = readFileSync(path.join(out, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [label, page, group, budget] of [
  ['task pane (in Excel)', 'taskpane.html', 'pane-office', true],
  ['standalone page', 'index.html', 'pane-standalone', false],
]) {
  if (!groups[group]) fail(`no chunk group ${group} in the build`);
  const files = [...pageScripts(page), ...groups[group]];
  const m = measure(files);
  console.log(`e2e: ${label} initial JS: ${files.length} files, ${kb(m.raw)}, ${kb(m.gz)} gzip${budget ? ' (budget 250 KB)' : ''}`);
  if (budget && m.gz > BUDGET) fail(`the task pane's initial JavaScript is ${kb(m.gz)} gzip, over the 250 KB budget`);
}
if (groups.xlsx) console.log(`e2e: lazy .xlsx reader chunk: ${kb(measure(groups.xlsx).gz)} gzip`);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.join(out, rel);
  if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const base = `http://127.0.0.1:${port}/`;
console.log(`e2e: serving ${path.relative(root, out)} at ${base}`);

const child = spawn(
  process.execPath,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: base, E2E_CHROMIUM: CHROMIUM },
  },
);
const code = await new Promise((r) => child.on('exit', (c, sig) => r(c ?? (sig ? 1 : 0))));
server.close();
process.exit(code);
