import { defineConfig } from 'vitest/config';

// One gateway and one browser for the whole run; files one after another (2 shared cores).
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
