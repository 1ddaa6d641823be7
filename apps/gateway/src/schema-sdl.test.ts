import { readFile } from 'node:fs/promises';
import { REGENERATE_HINT, SCHEMA_FILE, schemaSdl } from './schema-sdl.js';

// The front-end client is typed against the committed schema.graphql: CI fails when the gateway's schema moved on
// without it, so every schema change shows up as a diff of that file (and of the generated client).
describe('committed schema.graphql', () => {
  it('is what the gateway emits', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '(missing)');
    const emitted = await schemaSdl();
    if (committed !== emitted) {
      const a = committed.split('\n');
      const b = emitted.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      throw new Error(
        `${SCHEMA_FILE} is out of date (first difference at line ${line + 1}:\n` +
          `  committed: ${a[line] ?? '(end of file)'}\n  emitted:   ${b[line] ?? '(end of file)'}).\n` +
          `Regenerate and commit it: ${REGENERATE_HINT}`,
      );
    }
  });
});
