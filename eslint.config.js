// ESLint (flat config): typescript-eslint's strict and stylistic type-checked rules on every TypeScript file,
// React's hooks rules on the pane and the standalone page, and eslint-config-prettier last so that no rule
// argues with the formatter (Prettier, `npm run format`). `npm run lint` runs both; `npm test` runs it.
// A rule turned off or relaxed here says why on its line.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['lib/', 'dist/', 'coverage/', 'tests/.out/', 'bench/.data/', 'bench/.prof/', '.tmp/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // noUncheckedIndexedAccess makes `xs[i]!` after a bounds test the checked idiom; the compiler already
      // refuses the unchecked access, so the assertion marks a place that was reasoned about.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in messages and cell addresses are the common case (`第${row}行`); other types stay refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` and `xs.forEach((x) => f(x))` are the React and array idioms; a void value
      // used as a value anywhere else (assigned, returned from a block, combined) is still refused.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // The compiler's convention (noUnusedLocals/Parameters): `_name` is unused on purpose, and `{ drop: _, ...rest }`
      // is how an object is copied without a key.
      // `name.trim() || fallback`: an empty string is missing text here, which `??` would keep.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // An `async` method that implements a Promise-returning interface (a host, a fake) without awaiting anything is
      // how a throw becomes the rejection the interface promises; removing `async` would make it throw synchronously.
      '@typescript-eslint/require-await': 'off',
      // U+3000 (the ideographic space) is part of the Chinese text this tool reads; outside text it is still refused.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'tests/taskpane/**/*.{ts,tsx}', 'tests/e2e/sim/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      // `expect(event.completed).toHaveBeenCalled()` (vitest's spies) and `const { join } = await import('node:path')`
      // (node's free functions) are the idioms of the tests; no method there reads `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Plain JavaScript (build scripts, webpack config): no type information to check against.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    // Runs before the bundle in Internet Explorer / EdgeHTML: must stay ES5 and a classic script.
    files: ['src/taskpane/too-old-check.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: globals.browser },
  },
  prettier,
);
