import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // the CLI tests spawn the built command: build it from the current sources first
    globalSetup: ['tests/setup/build-cli.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
