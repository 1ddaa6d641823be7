// The Stryker options every mutation-tested package shares (issue 17). A package opts in with a
// stryker.config.mjs that calls `strykerConfig({ floor })`; `pnpm test:mutation` finds it there.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * @param {{ floor: number, exclude?: string[], mutate?: string[], testRunner?: 'jest' | 'vitest',
 *   vitestConfigFile?: string }} options
 *   `floor`: the lowest mutation score (percent) the package may have — Stryker's break threshold, so a run under
 *   it exits non-zero. `exclude`: globs of source files that are not the package's logic (test fixtures).
 *   `mutate`: the files to mutate when only part of `src` is pure logic (default: every non-test file of `src`).
 *   `testRunner`: the package's test framework. `vitestConfigFile`: the Vitest config Stryker runs, which names
 *   the tests of that logic (default `vitest.config.ts`).
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig({
  floor,
  exclude = [],
  mutate = ['src/**/*.ts', '!src/**/*.test.ts'],
  testRunner = 'jest',
  vitestConfigFile = 'vitest.config.ts',
}) {
  return {
    ...(testRunner === 'vitest' ? vitestRunner(vitestConfigFile) : jestRunner()),
    // Each mutant runs only the tests that cover it; the committed incremental file lets an unchanged mutant
    // keep its last result, so an ordinary change costs seconds.
    coverageAnalysis: 'perTest',
    incremental: true,
    incrementalFile: 'stryker-incremental.json',
    mutate: [...mutate, ...exclude.map((glob) => `!${glob}`)],
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

function jestRunner() {
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
  };
}

function vitestRunner(configFile) {
  return {
    testRunner: 'vitest',
    plugins: [fileURLToPath(import.meta.resolve('@stryker-mutator/vitest-runner'))],
    // `related` off: the config names exactly the tests to run; per-test coverage then picks those of each mutant.
    vitest: { configFile, related: false },
  };
}
