/**
 * The reader and the checks as they ship: bundled by esbuild with the command's own options
 * (scripts/build-cli.mjs), not run through tsx, whose `keepNames` wraps every function and closure
 * in a naming call the built command does not have. The bench times these.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { checkWorkbook as CheckWorkbook } from '../src/core/check';
import type { readXlsx as ReadXlsx } from '../src/hosts/xlsx/read';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Shipped {
  readonly checkWorkbook: typeof CheckWorkbook;
  readonly readXlsx: typeof ReadXlsx;
}

export async function loadShipped(): Promise<Shipped> {
  const outdir = join(ROOT, '.tmp/bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `shipped-${process.pid}.mjs`);
  await esbuild.build({
    absWorkingDir: ROOT,
    stdin: {
      contents: "export { checkWorkbook } from './src/core/check';\nexport { readXlsx } from './src/hosts/xlsx/read';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
    legalComments: 'none',
  });
  return (await import(pathToFileURL(outfile).href)) as Shipped;
}
