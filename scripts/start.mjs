#!/usr/bin/env node
// `npm start`: serves the add-in and the standalone page from memory on port 3000 (webpack dev
// server, rebuilt on save). Where Excel can be installed (Windows, Mac) it serves over https with
// the Office dev certificates and sideloads the add-in (office-addin-debugging start manifest.xml);
// elsewhere, or when the certificates cannot be made, it serves over http and prints the address
// of the standalone page. Stop with Ctrl+C.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.PORT ?? 3000);
const desktop = process.platform === 'win32' || process.platform === 'darwin';
const wantSideload = desktop && process.env.NO_SIDELOAD !== '1';

function say(line) {
  console.log(`start: ${line}`);
}

async function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, () => s.close(() => resolve(true)));
  });
}

/** The https options from office-addin-dev-certs (it installs its CA once; may ask for your password). */
async function httpsOptions() {
  if (!desktop && process.env.HTTPS !== '1') return { why: 'no Excel to sideload into on this system' };
  try {
    const certs = require('office-addin-dev-certs');
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 120 s')), 120_000));
    const opts = await Promise.race([certs.getHttpsServerOptions(), timeout]);
    return { opts };
  } catch (e) {
    return { why: `the development certificates could not be made (${e instanceof Error ? e.message : String(e)})` };
  }
}

if (!(await portFree(PORT))) {
  console.error(`start: port ${PORT} is in use; stop what runs there or set PORT=… (the manifest expects 3000)`);
  process.exit(1);
}

const https = await httpsOptions();
const scheme = https.opts ? 'https' : 'http';
if (!https.opts) say(`serving over plain http: ${https.why}. The Excel add-in needs https; the standalone page works over http.`);

const { default: webpack } = await import('webpack');
const { default: WebpackDevServer } = await import('webpack-dev-server');
const { default: configFn } = await import(path.join(root, 'webpack.config.js'));
const config = configFn(https.opts ? { https: https.opts } : {}, { mode: 'development' });
config.devServer.port = PORT;
const compiler = webpack(config);
const server = new WebpackDevServer(config.devServer, compiler);
await server.start();

const base = `${scheme}://localhost:${PORT}`;
// the page's address is the last line after each build (after the bundler's own output, hence setImmediate)
const sideloading = wantSideload && https.opts;
compiler.hooks.done.tap('start', (stats) => {
  setImmediate(() => {
    if (stats.hasErrors()) say('build failed; see the errors above');
    else {
      if (!sideloading)
        say('no sideloading here: open the standalone page in a browser (the same checks; the workbook stays in the browser).');
      say(`ready (${scheme}). Task pane: ${base}/taskpane.html`);
      say(`Standalone page: ${base}/index.html`);
    }
  });
});

let child = null;
if (sideloading) {
  say('sideloading the add-in into Excel (office-addin-debugging start manifest.xml)…');
  child = spawn(
    process.execPath,
    [
      require.resolve('office-addin-debugging/cli.js'),
      'start',
      'manifest.xml',
      'desktop',
      '--app',
      'excel',
      '--dev-server-port',
      String(PORT),
      '--no-debug',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  child.on('exit', (code) => {
    if (code !== 0)
      say(
        `Excel could not be started with the add-in (exit ${code}); open ${base}/index.html in a browser instead, or sideload manifest.xml by hand.`,
      );
  });
}

async function stop() {
  if (child && child.exitCode === null && wantSideload) {
    spawn(process.execPath, [require.resolve('office-addin-debugging/cli.js'), 'stop', 'manifest.xml'], { cwd: root, stdio: 'ignore' });
  }
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
