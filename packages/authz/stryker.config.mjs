// Mutation testing (issue 17), run by `pnpm test:mutation` from the repository root. Below the floor the run fails.
// A mutant no test could ever tell apart is disabled where it is, with a `// Stryker disable next-line <mutator>:
// <why>` comment — never by lowering the floor.
import { strykerConfig } from '@hanjiang/mutation/stryker';

export default strykerConfig({ floor: 98, exclude: ['src/test-fixtures.ts'] });
