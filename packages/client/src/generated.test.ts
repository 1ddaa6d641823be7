import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

const PACKAGE_DIR = path.resolve(import.meta.dirname, '..');

// The generated client is committed so builds need no codegen step; this fails when schema.graphql or an
// operation changed without regenerating it.
describe('generated client (src/generated)', () => {
  it('is what graphql-codegen makes from schema.graphql and src/operations', async () => {
    const previous = process.cwd();
    process.chdir(PACKAGE_DIR);
    try {
      const outputs = (await generate({ ...config, silent: true }, false)) as {
        filename: string;
        content: string;
      }[];
      expect(outputs.length).toBeGreaterThan(0);
      for (const output of outputs) {
        const committed = await readFile(path.resolve(PACKAGE_DIR, output.filename), 'utf8').catch(
          () => '(missing)',
        );
        expect(
          committed === output.content,
          `${output.filename} is out of date: run \`pnpm --filter @hanjiang/client codegen\` and commit it`,
        ).toBe(true);
      }
    } finally {
      process.chdir(previous);
    }
  }, 60_000);
});
