import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain Node script (no types): the test runs what the committed file was made with
import { buildManifest, MANIFEST_FILE } from '../scripts/persisted-operations.mjs';

// The allow-list manifest is committed so operators can register it without a build; this fails when an operation
// changed without regenerating it.
describe('persisted-operations.json', () => {
  it('is what scripts/persisted-operations.mjs makes from the generated documents', async () => {
    const committed = await readFile(MANIFEST_FILE as string, 'utf8').catch(() => '(missing)');
    const built = await (buildManifest as () => Promise<string>)();
    expect(
      committed === built,
      'out of date: run `pnpm --filter @hanjiang/client persisted-operations`',
    ).toBe(true);
    const manifest = JSON.parse(built) as { operations: { name: string }[] };
    expect(manifest.operations.length).toBeGreaterThan(10);
  });
});
