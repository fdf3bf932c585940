import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The CLI tests run the compiled bin; build it once before any test.
    globalSetup: ['test/global-setup.ts'],
    // Campaign dates are checked against today: the suite runs on a fixed day.
    env: { VNEID_PRINT_TODAY: '2026-11-28' },
  },
});
