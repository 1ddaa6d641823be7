import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // graphql-ws's server side must see the same graphql module instance as the test's schema.
    server: { deps: { inline: ['graphql-ws'] } },
  },
});
