import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Test files that replace a module (vi.mock): they need a module graph of their own. */
const OWN_MODULES = ['test/output/staged-output.test.ts'];

export default defineConfig({
  test: {
    // A worker a core, two at least (vitest's default keeps one core for itself, which
    // on a 2-core machine runs every file one after the other): the runner itself
    // mostly waits, and so do tests waiting on a run of the bin.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The CLI tests run the compiled bin; build it, when its sources changed, before any test.
    globalSetup: ['test/global-setup.ts'],
    // Campaign dates are checked against today: the suite runs on a fixed day.
    env: { VNEID_PRINT_TODAY: '2026-11-28' },
    projects: [
      // Modules are loaded once per worker and shared by its test files: the fonts, the
      // guides and the libraries are not loaded again for each file. Tests leave no
      // state behind them (runHere puts back what a command changes in the process).
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: OWN_MODULES, isolate: false } },
      { extends: true, test: { name: 'isolated', include: OWN_MODULES } },
    ],
  },
});
