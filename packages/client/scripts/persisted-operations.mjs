// `pnpm --filter @hanjiang/client persisted-operations`: writes persisted-operations.json, the manifest of every
// operation the portals send (src/operations, as generated into src/generated/graphql.ts), each with the SHA-256
// of its printed text. Integrators' allow-list keys register it (`pnpm apikey allow --key … --manifest …`); the
// gateway then runs, for such a key, only these exact texts (or their hashes as persisted queries).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { print } from 'graphql';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_FILE = path.join(PACKAGE_DIR, 'persisted-operations.json');
const GENERATED = path.join(PACKAGE_DIR, 'src/generated/graphql.ts');
const DOCUMENT = /^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode</gm;

/** The manifest's text, from the generated documents (codegen's output is the single source). */
export async function buildManifest() {
  const source = await readFile(GENERATED, 'utf8');
  const operations = [...source.matchAll(DOCUMENT)]
    .map(([, name, json]) => {
      const query = print(JSON.parse(json));
      return { name, sha256Hash: createHash('sha256').update(query).digest('hex'), query };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return `${JSON.stringify({ version: 1, algorithm: 'sha256', operations }, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await buildManifest();
  await writeFile(MANIFEST_FILE, text);
  process.stdout.write(
    `persisted-operations: wrote ${JSON.parse(text).operations.length} operations to ${MANIFEST_FILE}\n`,
  );
}
