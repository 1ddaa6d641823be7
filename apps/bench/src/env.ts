// The one place the bench reads its environment (the lint rule keeps process.env here).

export interface BenchEnv {
  /** A server to create the throwaway database on; unset → an embedded PostgreSQL in a temp directory. */
  databaseUrl: string | undefined;
  /** The PATH children get (the bench's node_modules/.bin removed: it holds Node 22's `node`). */
  path: string;
  home: string;
  /** Redis for the fan-out with replicas (default: the machine's service). */
  redisUrl: string;
  /** Set by the bench when it re-executes itself under the project's Node. */
  reexecuted: boolean;
}

export function readBenchEnv(): BenchEnv {
  const env = process.env;
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    path: env.PATH ?? '',
    home: env.HOME ?? '/tmp',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    reexecuted: env.HANJIANG_BENCH_REEXEC === '1',
  };
}

/** Environment for a child process: PATH and HOME only, plus what the caller gives. */
export function childEnv(base: BenchEnv, extra: Record<string, string>): Record<string, string> {
  return { PATH: base.path, HOME: base.home, ...extra };
}

/** This process's environment for re-executing the bench under the project's Node. */
export function reexecEnv(pathValue: string): Record<string, string | undefined> {
  return { ...process.env, PATH: pathValue, HANJIANG_BENCH_REEXEC: '1' };
}
