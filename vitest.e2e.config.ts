import { defineConfig } from 'vitest/config';

// The browser end-to-end suite: run through `npm run test:e2e` (scripts/e2e.mjs builds and serves the pages).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
