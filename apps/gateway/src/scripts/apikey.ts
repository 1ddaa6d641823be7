// `pnpm apikey create --tenant township:baisha --name "…" [--scopes read,introspect] [--expires 2027-06-30]
//    [--rate 600] [--cost 100000] [--allow-list-only]`
//   Creates an integrator key for set-ups without a portal (the first key, a district without an admin yet) and
//   prints its secret once; only the hash is stored. The portal's createApiKey mutation does the same for people.
// `pnpm apikey allow --key <id or prefix> --manifest packages/client/persisted-operations.json`
//   Registers every operation of a manifest for an allow-list key (by the SHA-256 of its text).
// `pnpm apikey revoke --key <id or prefix>`
// Runs as the migration role, like `pnpm seed`: whoever can run it already holds the database.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateApiKey } from '../credentials/api-keys.js';
import { openDatabase } from '../db/database.js';
import { readProcessEnv } from '../env.js';
import { createLogger } from '../logger.js';
import { parseTenant } from '../modules/apikey/apikey.service.js';

const SCOPES = ['read', 'write', 'introspect'];
const USAGE =
  'usage: apikey create --tenant <kind:code> --name <name> [--scopes read,write,introspect] [--expires <date>] ' +
  '[--rate <n>] [--cost <n>] [--allow-list-only]\n' +
  '       apikey allow --key <id or prefix> --manifest <file>\n' +
  '       apikey revoke --key <id or prefix>';

class UsageError extends Error {}

function positive(text: string | undefined, name: string): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number ≥ 1`);
  return n;
}

interface ManifestOperation {
  name?: string;
  sha256Hash: string;
  query: string;
}

/** Reads a manifest ({ operations: [{ name, sha256Hash, query }] }), checking that every hash is its text's. */
async function readManifest(file: string): Promise<ManifestOperation[]> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { operations?: ManifestOperation[] };
  const operations = parsed.operations ?? [];
  for (const op of operations) {
    const hash = createHash('sha256').update(op.query).digest('hex');
    if (hash !== op.sha256Hash)
      throw new UsageError(`manifest: ${op.name ?? op.sha256Hash} does not match its hash`);
  }
  return operations;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      tenant: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string', default: 'read' },
      expires: { type: 'string' },
      rate: { type: 'string' },
      cost: { type: 'string' },
      'allow-list-only': { type: 'boolean', default: false },
      key: { type: 'string' },
      manifest: { type: 'string' },
    },
  });
  if (command !== 'create' && command !== 'allow' && command !== 'revoke') throw new UsageError(USAGE);
  const env = readProcessEnv();
  const db = await openDatabase(env, createLogger({ ...env, LOG_LEVEL: 'warn' }));
  try {
    if (command === 'create') {
      if (!values.tenant || !values.name?.trim()) throw new UsageError(USAGE);
      const tenant = (() => {
        try {
          return parseTenant(values.tenant);
        } catch {
          throw new UsageError(`unknown tenant "${values.tenant}" (e.g. township:baisha)`);
        }
      })();
      const scopes = [
        ...new Set([
          'read',
          ...values.scopes
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ]),
      ];
      const unknown = scopes.filter((s) => !SCOPES.includes(s));
      if (unknown.length) throw new UsageError(`unknown scope ${unknown.join(', ')} (${SCOPES.join(', ')})`);
      const expires = values.expires ? new Date(values.expires) : null;
      if (expires && (Number.isNaN(expires.getTime()) || expires.getTime() <= Date.now()))
        throw new UsageError('--expires must be a date in the future');
      // The same role rule as app.create_api_key: viewer unless it may write.
      const role = scopes.includes('write') ? (tenant.kind === 'district' ? 'admin' : 'commander') : 'viewer';
      const { key, prefix, secretHash } = generateApiKey();
      const { rows } = await db.admin.query<{ id: string }>(
        `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by, expires_at,
                              scopes, rate_per_minute, cost_per_minute, allow_list_only)
         VALUES ($1, $2, $3, $4, $5, $6, 'apikey script', $7, $8, $9, $10, $11) RETURNING id`,
        [
          prefix,
          secretHash,
          values.name.trim(),
          tenant.kind,
          tenant.code,
          role,
          expires,
          scopes.sort(),
          positive(values.rate, 'rate'),
          positive(values.cost, 'cost'),
          values['allow-list-only'],
        ],
      );
      process.stdout.write(
        `apikey: created key ${rows[0]!.id} (prefix ${prefix}) for ${tenant.kind}:${tenant.code}, ` +
          `scopes ${scopes.join(',')}.\nThe secret is shown this once — send it as x-api-key:\n${key}\n`,
      );
      return;
    }
    if (!values.key) throw new UsageError(USAGE);
    const { rows } = await db.admin.query<{ id: string }>(
      `SELECT id FROM api_key WHERE id::text = $1 OR prefix = $1`,
      [values.key],
    );
    const id = rows[0]?.id;
    if (!id) throw new UsageError(`no key ${values.key}`);
    if (command === 'revoke') {
      await db.admin.query('UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
        id,
      ]);
      process.stdout.write(`apikey: key ${id} revoked.\n`);
      return;
    }
    if (!values.manifest) throw new UsageError(USAGE);
    const operations = await readManifest(path.resolve(env.INIT_CWD ?? '.', values.manifest));
    for (const op of operations) {
      await db.admin.query('SELECT app.persist_query($1, $2)', [op.sha256Hash, op.query]);
      await db.admin.query(
        `INSERT INTO persisted_operation (key_id, hash, name, registered_by) VALUES ($1, $2, $3, 'apikey script')
         ON CONFLICT DO NOTHING`,
        [id, op.sha256Hash, op.name ?? null],
      );
    }
    process.stdout.write(`apikey: ${operations.length} operations registered for key ${id}.\n`);
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`apikey: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
