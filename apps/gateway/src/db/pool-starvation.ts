import type pg from 'pg';

/**
 * Fails pool acquisitions fast while the pool is starved instead of letting each caller wait the whole
 * acquisition timeout (10 s by default). Starved means: every connection is handed out and none came back for
 * `starvedAfterMs` — slow statements or locks hold them all. A burst is not starvation: connections keep coming
 * back, and waiters are served in turn as before. The error is pg-pool's own timeout message, so it maps to the
 * same public SERVICE_UNAVAILABLE (connection_pool_exhausted) as a plain acquisition timeout.
 */
export function failFastWhenStarved(pool: pg.Pool, starvedAfterMs: number): void {
  const max = (pool.options as pg.PoolConfig).max ?? 10;
  let lastReturn = Date.now();
  pool.on('release', () => {
    lastReturn = Date.now();
  });
  // A connection handed out is progress too (a new or idle one): a freshly saturated pool is not yet starved.
  pool.on('acquire', () => {
    if (pool.idleCount > 0 || pool.totalCount < max) lastReturn = Date.now();
  });
  const starved = () =>
    pool.totalCount >= max && pool.idleCount === 0 && Date.now() - lastReturn >= starvedAfterMs;
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const everyMs = Math.max(25, Math.min(250, Math.floor(starvedAfterMs / 4)));

  const guarded = (): Promise<pg.PoolClient> => {
    if (starved()) return Promise.reject(starvedError(starvedAfterMs));
    // An idle connection is handed out at once (nobody waits while one is idle): no watch to arm.
    if (pool.idleCount > 0) return connect();
    return new Promise<pg.PoolClient>((resolve, reject) => {
      let settled = false;
      const watch = setInterval(() => {
        if (settled || !starved()) return;
        settled = true;
        clearInterval(watch);
        reject(starvedError(starvedAfterMs));
      }, everyMs);
      watch.unref();
      connect().then(
        (client) => {
          clearInterval(watch);
          if (settled)
            client.release(); // the caller already had its error: hand the connection on
          else {
            settled = true;
            resolve(client);
          }
        },
        (error: unknown) => {
          clearInterval(watch);
          if (settled) return;
          settled = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };
  // pg-pool's own pool.query() calls connect(callback): the callback form must keep working (pg-boss, and anything
  // else that queries the pool directly, would otherwise wait forever).
  type Callback = (
    error: Error | undefined,
    client?: pg.PoolClient,
    done?: (release?: unknown) => void,
  ) => void;
  const connectEitherWay = (callback?: Callback): Promise<pg.PoolClient> | undefined => {
    if (!callback) return guarded();
    guarded().then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(release as Error)),
      (error: Error) => callback(error),
    );
    return undefined;
  };
  (pool as unknown as { connect: typeof connectEitherWay }).connect = connectEitherWay;
}

function starvedError(ms: number): Error {
  // Worded as pg-pool's own acquisition timeout (errors/database-errors.ts maps it), with why it came early.
  return new Error(
    `timeout exceeded when trying to connect: pool starved (no connection returned for ${ms} ms)`,
  );
}
