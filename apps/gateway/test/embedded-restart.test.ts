import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type ChildGateway, spawnGateway, waitFor } from './helpers/child-gateway.js';
import { freePortForTest } from './helpers/ports.js';

// The gateway as `pnpm start` runs it (no DATABASE_URL: embedded PostgreSQL in DATA_DIR), crashed and restarted.
describe('embedded PostgreSQL: durable, private, never orphaned, found by audit:verify', () => {
  let dataDir: string;
  let gateway: ChildGateway | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hj-restart-'));
    gateway = await startReady(dataDir);
  }, 180_000);

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a random superuser password in a 0600 file; the old fixed password `postgres` is refused', async () => {
    const file = path.join(dataDir, 'pg-superuser-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(password(dataDir)).toMatch(/^[0-9a-f]{48}$/);
    const port = postmasterPort(dataDir);
    await expect(
      query(`postgres://postgres:postgres@127.0.0.1:${port}/hanjiang`, 'SELECT 1'),
    ).rejects.toThrow(/password authentication failed/);
  });

  it('runs durable: fsync and synchronous_commit are on', async () => {
    const url = superuserUrl(dataDir);
    expect(await query(url, 'SHOW fsync')).toEqual([{ fsync: 'on' }]);
    expect(await query(url, 'SHOW synchronous_commit')).toEqual([{ synchronous_commit: 'on' }]);
    expect(await query(url, 'SHOW full_page_writes')).toEqual([{ full_page_writes: 'on' }]);
  });

  it('lets `audit:verify` beside the running gateway find its database without DATABASE_URL', async () => {
    const run = await runScript('src/scripts/audit-verify.ts', { DATA_DIR: dataDir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^audit:verify: OK — \d+ rows, chain intact \(postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/hanjiang\)\n$/,
    );
    expect(run.code).toBe(0);
  }, 120_000);

  it('refuses a second gateway on the same data directory with one line saying what to do', async () => {
    const second = spawnGateway({ PORT: String(await freePortForTest()), DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    const lines = second.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `in use by another process \\(pid ${gateway!.process.pid}\\): stop it first, or use another DATA_DIR`,
      ),
    );
    // The first one still answers.
    expect(await query(superuserUrl(dataDir), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  }, 60_000);

  it('starts again on the same data directory after the gateway was SIGKILLed', async () => {
    const oldPostmaster = postmasterPid(dataDir);
    expect(await gateway!.kill('SIGKILL')).toBeNull();
    gateway = await startReady(dataDir);
    // The server the crashed gateway left behind is gone, not merely joined by a second one.
    expect(postmasterPid(dataDir)).not.toBe(oldPostmaster);
    await waitFor(() => (isPostmasterOf(oldPostmaster, dataDir) ? undefined : true), {
      what: 'the old postmaster to be gone',
      timeoutMs: 60_000,
    });
    expect(await query(superuserUrl(dataDir), 'SELECT count(*)::int AS n FROM household')).toEqual([
      { n: expect.any(Number) },
    ]);
  }, 180_000);
});

describe('embedded PostgreSQL start-up failures', () => {
  it('a data directory that cannot be made prints one line saying what to do, no stack trace', async () => {
    const child = spawnGateway({ PORT: String(await freePortForTest()), DATA_DIR: '/dev/null/hanjiang' });
    expect(await child.exited).toBe(1);
    const lines = child.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^gateway: embedded PostgreSQL could not start in \/dev\/null\/hanjiang\/pg .*set DATABASE_URL/,
    );
    expect(child.stderr()).not.toMatch(/\n\s+at /);
  }, 60_000);
});

async function startReady(dataDir: string): Promise<ChildGateway> {
  const port = await freePortForTest();
  const child = spawnGateway({ PORT: String(port), DATA_DIR: dataDir });
  const exitedEarly = child.exited.then((code) => {
    throw new Error(`gateway exited (${code}) before ready: ${child.stderr()}`);
  });
  exitedEarly.catch(() => undefined);
  const ready = waitFor(
    () =>
      fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => (r.status === 200 ? true : undefined),
        () => undefined,
      ),
    // The first start seeds the demo data: allow for a loaded machine.
    { what: '/readyz 200', everyMs: 100, timeoutMs: 150_000 },
  );
  await Promise.race([ready, exitedEarly]);
  return child;
}

function password(dataDir: string): string {
  return readFileSync(path.join(dataDir, 'pg-superuser-password'), 'utf8').trim();
}

/** PostgreSQL's own lock file: line 1 is the postmaster's pid, line 4 its port. */
function postmasterLines(dataDir: string): string[] {
  return readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
}
function postmasterPid(dataDir: string): number {
  return Number(postmasterLines(dataDir)[0]);
}
function postmasterPort(dataDir: string): number {
  return Number(postmasterLines(dataDir)[3]);
}

function superuserUrl(dataDir: string): string {
  return `postgres://postgres:${password(dataDir)}@127.0.0.1:${postmasterPort(dataDir)}/hanjiang`;
}

/** Pids are reused quickly (pid_max 32768): the old pid counts only while it still runs this cluster. */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(path.join(dataDir, 'pg'));
  } catch {
    return false;
  }
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

function runScript(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: path.resolve(__dirname, '..'),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
