// The tests `pnpm test:mutation` runs (issue 17): those of the pure logic it mutates (token renewal timing,
// back-off, live-stream reconnects, milestone resume). The urql and graphql-ws wiring is not mutated, and its
// socket tests (client.test.ts, socket-renewal.test.ts) would only slow every mutant down.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/auth/**/*.test.ts', 'src/live/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
