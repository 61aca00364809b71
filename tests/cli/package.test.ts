/**
 * The package as a user gets it (slow: packs and installs, about ten seconds): `npm pack`, then
 * `npm install --omit=dev` of the tarball into an empty folder (from npm's cache when it holds the
 * packages), then the installed command: --help, a check of the sample (in the main thread and on
 * worker threads) and a Word export, with the runtime dependencies only.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { HELP } from '../../src/cli/help';
import { ROOT, STACK, runCommand, type CliRun } from './run-cli';
import { tempDir } from './fixtures';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 600_000 });

interface PackageJson {
  name: string;
  version: string;
  bin: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
let app: string;
let packed: string[];

/** npm with output that the test can read: no colour, no progress, no update notice. */
function npm(args: string[], cwd: string): Promise<CliRun> {
  return runCommand('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'], cwd);
}

/** The installed command, started as a shell would start it (its #! line finds this Node first on PATH). */
function installed(args: string[]): Promise<CliRun> {
  const PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
  return runCommand(join(app, 'node_modules/.bin/disclosure-check'), args, app, { env: { PATH } });
}

beforeAll(async () => {
  const dest = tempDir('dc-pack-');
  // lib/ is built by the test set-up; --ignore-scripts: packing does not build it again under running tests
  const pack = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dest], ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = info!.files.map((f) => f.path).sort();
  app = join(dest, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "try-disclosure-check", "private": true }\n');
  const install = await npm(['install', '--omit=dev', '--prefer-offline', join(dest, info!.filename)], app);
  expect(install.code, install.stderr).toBe(0);
  copyFileSync(join(ROOT, 'seeds/jiangchuan-2023.xlsx'), join(app, '江川区2023.xlsx'));
});

describe('the packed package', () => {
  it('holds the built command and its files, not the sources', () => {
    expect(packed).toContain(pkg.bin['disclosure-check']);
    expect(packed).toContain('lib/worker.js');
    expect(packed.filter((p) => p.startsWith('src/') || p.startsWith('tests/') || p.endsWith('.ts'))).toEqual([]);
    expect(packed.every((p) => p.startsWith('lib/') || ['package.json', 'README.md', 'CHANGELOG.md', 'docs/cli.md'].includes(p))).toBe(
      true,
    );
  });

  it('installs without its development dependencies', () => {
    for (const dep of Object.keys(pkg.dependencies)) expect(existsSync(join(app, 'node_modules', dep)), dep).toBe(true);
    // every package installed is one that the lock file has outside the development-only tree (the tarball
    // carries no lock file, so versions within the dependencies' ranges may be newer)
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const runtime = new Set(
      Object.entries(lock.packages)
        .filter(([path, p]) => path.includes('node_modules/') && p.dev !== true)
        .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
    );
    const names = readdirSync(join(app, 'node_modules'))
      .filter((n) => !n.startsWith('.') && n !== 'disclosure-check')
      .flatMap((n) => (n.startsWith('@') ? readdirSync(join(app, 'node_modules', n)).map((m) => `${n}/${m}`) : [n]));
    expect(names.length).toBeGreaterThanOrEqual(Object.keys(pkg.dependencies).length);
    for (const n of names) expect(runtime, n).toContain(n);
    for (const dev of ['tsx', 'esbuild', 'typescript', 'react', '@fluentui/react-components', 'exceljs']) {
      expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
    }
  });

  it('imports nothing but Node built-ins and its dependencies', () => {
    const lib = join(app, 'node_modules/disclosure-check/lib');
    const specifiers = new Set<string>();
    for (const f of readdirSync(lib)) {
      const code = readFileSync(join(lib, f), 'utf8');
      for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'\s]+)["']/g))
        specifiers.add(m[1]!);
    }
    // a module specifier is ASCII without spaces (a help text's `--school-table-from '保安名单!A1:C30'` is not one)
    const packages = [...specifiers].filter(
      (s) => /^[@\w./:-]+$/.test(s) && !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s),
    );
    expect(packages.length).toBeGreaterThan(0);
    for (const s of packages) {
      const name = s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!;
      expect(Object.keys(pkg.dependencies), s).toContain(name);
    }
  });
});

describe('the installed command', () => {
  it('--help', async () => {
    const r = await installed(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(HELP);
    expect(r.stderr).toBe('');
  });

  it('checks the sample: the report, exit 1 for its errors', async () => {
    const r = await installed(['江川区2023.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^江川区2023\.xlsx\n {2}项目一\n/);
    expect(r.stdout).toMatch(/江川区2023\.xlsx +9 +\d+ +0 +0 +有错误/);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it('on worker threads (lib/worker.js) the same report, and the Word export (loaded on demand)', async () => {
    const [one, two, docx] = await Promise.all([
      installed(['江川区2023.xlsx', '江川区2023.xlsx', '--format', 'json', '--jobs', '1']),
      installed(['江川区2023.xlsx', '江川区2023.xlsx', '--format', 'json', '--jobs', '2']),
      installed(['江川区2023.xlsx', '--export-docx', '公开文本.docx', '--force', '--format', 'csv']),
    ]);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(two.stdout) as { reports: unknown[] }).reports).toHaveLength(2);
    expect(docx.code).toBe(1);
    expect(docx.stderr).toContain('已导出 Word 文件：公开文本.docx');
    expect([...readFileSync(join(app, '公开文本.docx')).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });
});
