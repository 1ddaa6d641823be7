// `pnpm --filter @hanjiang/gateway schema:emit`: writes packages/client/schema.graphql from the gateway's schema.
import { writeFile } from 'node:fs/promises';
import { SCHEMA_FILE, schemaSdl } from '../schema-sdl.js';

schemaSdl()
  .then((sdl) => writeFile(SCHEMA_FILE, sdl))
  .then(
    () => process.stdout.write(`schema:emit: wrote ${SCHEMA_FILE}\n`),
    (error: unknown) => {
      process.stderr.write(`schema:emit: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
