#!/usr/bin/env node
// Builds the command-line tool to JavaScript in lib/ (esbuild; see docs/dependencies.md for why not webpack):
//   lib/disclosure-check.js  the command (package.json "bin"), from src/cli/main.ts
//   lib/worker.js            the worker thread's entry, from src/cli/worker.ts (pool.ts starts it beside itself)
//   lib/chunk-*.js           code shared by the two, and what the command loads only when it needs it
//                            (the checker is not loaded for --help, the Word writer only for --export-docx)
// The packages in "dependencies" stay imports (installed beside the package); nothing else may be imported:
// the build fails if the output imports a development dependency or an unknown package.
// Run by `npm ci`/`npm pack` (the "prepare" script), `npm run build`, and before the unit tests (vitest globalSetup).
import { chmodSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LIB = path.join(root, 'lib');
/** Entry name (file in lib/, without .js) → source. pool.ts starts `worker.js` from the folder it runs in. */
export const ENTRIES = { 'disclosure-check': 'src/cli/main.ts', worker: 'src/cli/worker.ts' };

/** The package name of an import specifier (`@scope/name/sub` → `@scope/name`), or null for a Node built-in. */
function packageOf(spec) {
  if (spec.startsWith('node:') || builtinModules.includes(spec)) return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export async function buildCli({ outdir = LIB } = {}) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    // dependencies are installed beside the package, not copied into it
    packages: 'external',
    outdir,
    chunkNames: 'chunk-[hash]',
    write: false,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const bad = new Set();
  for (const out of Object.values(result.metafile.outputs)) {
    for (const i of out.imports) {
      const name = i.external ? packageOf(i.path) : null;
      if (name !== null && !runtime.has(name)) bad.add(name);
    }
  }
  if (bad.size > 0) {
    throw new Error(`the CLI imports ${[...bad].join(', ')}, which ${bad.size > 1 ? 'are' : 'is'} not in package.json "dependencies"`);
  }
  mkdirSync(outdir, { recursive: true });
  // chunks first, the entries last, each through a temporary file renamed into place: a command started
  // while the build runs finds either the old entry or the new one whole, never half a file
  const files = [...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    if (isEntry(f.path)) chmodSync(tmp, 0o755);
    renameSync(tmp, f.path);
  }
  const written = new Set(files.map((f) => path.basename(f.path)));
  for (const name of readdirSync(outdir)) {
    if (!written.has(name) && !name.endsWith('.tmp')) rmSync(path.join(outdir, name), { force: true, recursive: true });
  }
  return [...written].sort();
}

function isEntry(p) {
  return Object.keys(ENTRIES).some((e) => path.basename(p) === `${e}.js`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const files = await buildCli();
    if (!process.argv.includes('--quiet')) console.log(`build-cli: lib/ ${files.join(' ')}`);
  } catch (e) {
    console.error(`build-cli: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
