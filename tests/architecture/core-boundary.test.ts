import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CORE = join(ROOT, 'src/core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** Why an import is not allowed in the core, or null when it is. */
export function forbiddenInCore(file: string, spec: string): string | null {
  if (spec.startsWith('.')) {
    const target = resolve(file, '..', spec);
    return target.startsWith(CORE) ? null : `reaches outside src/core (${relative(ROOT, target)})`;
  }
  if (spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads', 'zlib'].includes(spec)) {
    return 'Node built-in';
  }
  return `package "${spec}" (the core depends on nothing)`;
}

describe('src/core is pure', () => {
  it('imports nothing from hosts, taskpane, cli, Node or packages', () => {
    const problems: string[] = [];
    for (const f of files(CORE)) {
      const src = readFileSync(f, 'utf8');
      for (const spec of importsOf(src)) {
        const why = forbiddenInCore(f, spec);
        if (why) problems.push(`${relative(ROOT, f)}: ${spec}: ${why}`);
      }
      if (
        /\b(Office|Excel)\.(context|run|onReady|RequestContext)\b|\bwindow\.|\bglobalThis\.document\b|\bdocument\.(body|createElement|getElementById|querySelector)|\brequire\(/.test(
          src.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''),
        )
      ) {
        problems.push(`${relative(ROOT, f)}: uses Office, DOM or require`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the checker itself catches a forbidden import', () => {
    const f = join(CORE, 'x/y.ts');
    expect(forbiddenInCore(f, '../../hosts/xlsx/reader')).toMatch(/outside/);
    expect(forbiddenInCore(f, 'node:fs')).toMatch(/Node/);
    expect(forbiddenInCore(f, 'react')).toMatch(/package/);
    expect(forbiddenInCore(f, '../model')).toBeNull();
    expect(importsOf(`import { a } from '../../cli/main';\nexport * from "./b";\nconst m = import('x');`)).toEqual([
      '../../cli/main',
      './b',
      'x',
    ]);
  });
});
