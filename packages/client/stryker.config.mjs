// Mutation testing (issue 17), run by `pnpm test:mutation` from the repository root. Below the floor the run fails.
// Only the client's pure logic is mutated — not the generated documents, not the urql/graphql-ws wiring in
// client.ts and session.ts. A mutant no test could ever tell apart is disabled where it is, with a
// `// Stryker disable next-line <mutator>: <why>` comment — never by lowering the floor.
import { strykerConfig } from '@hanjiang/mutation/stryker';

export default strykerConfig({
  floor: 100,
  testRunner: 'vitest',
  vitestConfigFile: 'vitest.mutation.config.ts',
  mutate: [
    'src/auth/token-keeper.ts',
    'src/live/backoff.ts',
    'src/live/live-stream.ts',
    'src/live/milestone-feed.ts',
    'src/live/milestone-resume.ts',
  ],
});
