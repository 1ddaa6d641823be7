// `pnpm check:schema` (CI): the committed schema (packages/client/schema.graphql) against the last released one
// (apps/gateway/schema/released.graphql). A breaking change fails unless apps/gateway/schema/acknowledged.json
// lists it with a reason. On a release, copy schema.graphql over released.graphql and empty acknowledged.json.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AcknowledgementsSchema, compareSchemas, formatReport } from './schema-compat.js';
import { SCHEMA_FILE } from '../schema-sdl.js';

const RELEASED = fileURLToPath(new URL('../../schema/released.graphql', import.meta.url));
const ACKNOWLEDGED = fileURLToPath(new URL('../../schema/acknowledged.json', import.meta.url));

async function main(argv: string[]): Promise<number> {
  // Arguments override the files, so the checker itself can be tested on fixtures: [released] [current] [acks].
  const [released = RELEASED, current = SCHEMA_FILE, acknowledged = ACKNOWLEDGED] = argv;
  const acks = AcknowledgementsSchema.parse(JSON.parse(await readFile(acknowledged, 'utf8')));
  const report = await compareSchemas(
    await readFile(released, 'utf8'),
    await readFile(current, 'utf8'),
    acks,
  );
  process.stdout.write(`${formatReport(report)}\n`);
  return report.unacknowledged.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`check:schema: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
