// The Stryker options every mutation-tested package shares (issue 17). A package opts in with a
// stryker.config.mjs that calls `strykerConfig({ floor })`; `pnpm test:mutation` finds it there.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * @param {{ floor: number, exclude?: string[] }} options `floor`: the lowest mutation score (percent) the package
 *   may have — Stryker's break threshold, so a run under it exits non-zero. `exclude`: globs of source files that
 *   are not the package's logic (test fixtures).
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig({ floor, exclude = [] }) {
  const mutate = ['src/**/*.ts', '!src/**/*.test.ts', ...exclude.map((glob) => `!${glob}`)];
  return {
    testRunner: 'jest',
    // By path: Stryker looks for plugins next to its own install, which pnpm keeps private.
    plugins: [fileURLToPath(import.meta.resolve('@stryker-mutator/jest-runner'))],
    jest: {
      configFile: 'jest.config.cjs',
      // Stryker wraps the test environment and loads the original by name from the package; under pnpm's strict
      // layout the package cannot see `jest-environment-node`, so name it by path.
      config: { testEnvironment: require.resolve('jest-environment-node') },
    },
    // Each mutant runs only the tests that cover it; the committed incremental file lets an unchanged mutant
    // keep its last result, so an ordinary change costs seconds.
    coverageAnalysis: 'perTest',
    incremental: true,
    incrementalFile: 'stryker-incremental.json',
    mutate,
    thresholds: { high: Math.min(100, floor + 1), low: floor, break: floor },
    // Shared two-core machines: one test process unless the caller asks for more (`--concurrency`).
    concurrency: 1,
    timeoutMS: 20_000,
    reporters: ['clear-text', 'progress-append-only', 'html'],
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    htmlReporter: { fileName: 'reports/mutation/index.html' },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
  };
}
