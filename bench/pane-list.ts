// The standalone page with the 1,000-project workbook (issue 14, large workbooks), for one build
// directory: time from choosing the file to the first finding, DOM elements and findings in the DOM
// after the check, a role query's time, and 40 scroll steps through the list (each to the end of the
// next frame). One run; compare two builds as ratios in one sitting (docs/performance.md).
//   node node_modules/webpack-cli/bin/cli.js --mode production --env e2e --output-path .tmp/e2e-dist
//   npx tsx bench/pane-list.ts .tmp/e2e-dist
// The page's functions are passed as a string: tsx would add helpers the page does not have.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { syntheticWorkbook } from './data';
import { writeXlsx } from './xlsx-writer';

const dir = path.resolve(process.argv[2]!);
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.join(dir, rel);
  if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  res.writeHead(200, {
    'content-type': rel.endsWith('.js')
      ? 'text/javascript'
      : rel.endsWith('.html')
        ? 'text/html; charset=utf-8'
        : 'application/octet-stream',
  });
  createReadStream(file).pipe(res);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const big = Buffer.from(writeXlsx(syntheticWorkbook(1000, 100)));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: 'zh-CN' });
await page.goto(`http://127.0.0.1:${port}/index.html`);
await page.locator('[data-testid=file-input]').waitFor({ state: 'attached' });
const t0 = Date.now();
await page.locator('[data-testid=file-input]').setInputFiles({ name: 'big.xlsx', mimeType: 'application/octet-stream', buffer: big });
await page.locator('[data-testid=summary]').waitFor({ timeout: 300_000 });
await page.locator('[data-finding]').first().waitFor({ timeout: 300_000 });
const open = Date.now() - t0;
const stats = await page.evaluate<Record<string, number>>(`(async () => {
  const elements = document.getElementsByTagName('*').length;
  const findings = document.querySelectorAll('[data-finding]').length;
  const H = document.documentElement.scrollHeight;
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  // 40 scroll steps through the list, each timed to the next frame's end
  const times = [];
  for (let k = 1; k <= 40; k++) {
    const s = performance.now();
    window.scrollTo(0, (H * k) / 41);
    await frame();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { elements, findings, median: times[20], worst: times[39], total: times.reduce((a, b) => a + b, 0) };
})()`);
// a role query over the page (what timed out in the e2e)
const r0 = Date.now();
await page.getByRole('button', { name: '重新检查' }).isEnabled();
const roleQuery = Date.now() - r0;
console.log(JSON.stringify({ dir: path.basename(dir), openMs: open, roleQueryMs: roleQuery, ...stats }));
await browser.close();
server.close();
