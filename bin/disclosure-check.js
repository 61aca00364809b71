#!/usr/bin/env node
// disclosure-check: the installed command. The CLI is TypeScript run through tsx (a dependency of
// this package's install: `npm ci` in a clone, or `npm install -g` of the packed tarball with its
// dev dependencies); tsx is registered in this process, then the CLI's entry is imported.
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  process.stderr.write(
    '无法启动：缺少 tsx，请在 disclosure-check 目录中运行 npm ci\n' +
      'cannot start: tsx is missing; run npm ci in the disclosure-check folder\n',
  );
  process.exit(2);
}
register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
