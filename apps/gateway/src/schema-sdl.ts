import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from './schema.js';

/** The committed SDL the typed client is generated from (packages/client): a schema change is a visible diff. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../../packages/client/schema.graphql', import.meta.url));

export const REGENERATE_HINT =
  'pnpm --filter @hanjiang/gateway schema:emit && pnpm --filter @hanjiang/client codegen';

/** The gateway's schema as SDL, types and fields sorted so that moving a resolver does not reorder the file. */
export async function schemaSdl(): Promise<string> {
  const header =
    '# Generated from the gateway (apps/gateway/src/schema.ts) — do not edit.\n' +
    `# Regenerate: ${REGENERATE_HINT}\n\n`;
  return `${header}${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}
