import { createConfig } from '@hanjiang/config/eslint';

export default [
  ...createConfig(import.meta.dirname),
  {
    // The demo seeder is loaded only where the gateway seeds: start-up with SEED_ON_EMPTY (server.ts) and `pnpm seed`.
    files: ['src/**/*.ts'],
    ignores: ['src/server.ts', 'src/scripts/seed.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@hanjiang/db/seed',
              message: 'The seeder is imported only by server.ts (SEED_ON_EMPTY) and scripts/seed.ts.',
            },
          ],
        },
      ],
    },
  },
];
