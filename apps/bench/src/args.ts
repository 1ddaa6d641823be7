import { parseArgs } from 'node:util';

export interface BenchArgs {
  quick: boolean;
  scale: number;
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Scenario ids to run (all when empty). */
  only: string[];
  postgraphile: boolean;
  /** Run the production gateway under --cpu-prof and summarise the profile. */
  profile: boolean;
  /** Subscriber counts of the fan-out scenario. */
  fanoutSizes: number[];
  /** Gateway replicas the fan-out's subscribers are split over (live events through Redis when > 1). */
  fanoutReplicas: number;
  help: boolean;
}

export const USAGE = `pnpm bench [-- options]   (or: pnpm --filter @hanjiang/bench bench [options])

  --quick              smoke test: scale 1, 1 short round; asserts every system answered correctly (exit 1
                       otherwise), never a time
  --scale N            demo seed scale (default 6 ≈ 50k households; --quick: 1)
  --rounds N           measured rounds, systems alternating each round (default 3; --quick: 1)
  --duration S         seconds measured per system, scenario and round (default 10; --quick: 1)
  --warmup S           seconds of warm-up before each measurement (default 3; --quick: 0)
  --connections N      autocannon connections (default 10)
  --only a,b           only these scenarios (list-50, list-50-key, detail, leaderboard-headquarters,
                       leaderboard-team, campaign, signing, fanout)
  --no-postgraphile    skip PostGraphile
  --profile            run the gateway under --cpu-prof and print where its CPU went
  --fanout-sizes a,b   subscriber counts of the fan-out (default 1000,5000,10000; --quick: 200), e.g. 20000,50000
  --fanout-replicas N  split the fan-out's subscribers over N gateways on one database with REDIS_URL (default 1;
                       signings on the first; skipped with a reason when Redis does not answer)

  DATABASE_URL=postgres://…  use this server (a throwaway database is created and dropped) instead of an
                             embedded PostgreSQL`;

function positive(name: string, value: string | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, not ${value}`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      only: { type: 'string' },
      'no-postgraphile': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'fanout-sizes': { type: 'string' },
      'fanout-replicas': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  const quick = values.quick;
  return {
    quick,
    scale: positive('scale', values.scale, quick ? 1 : 6, false),
    rounds: positive('rounds', values.rounds, quick ? 1 : 3, true),
    durationSeconds: positive('duration', values.duration, quick ? 1 : 10, false),
    warmupSeconds:
      values.warmup === '0' || (quick && values.warmup === undefined)
        ? 0
        : positive('warmup', values.warmup, 3, false),
    connections: positive('connections', values.connections, 10, true),
    only: values.only
      ? values.only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    postgraphile: !values['no-postgraphile'],
    profile: values.profile,
    fanoutSizes: values['fanout-sizes']
      ? values['fanout-sizes'].split(',').map((n) => positive('fanout-sizes', n.trim(), 0, true))
      : quick
        ? [200]
        : [1_000, 5_000, 10_000],
    fanoutReplicas: positive('fanout-replicas', values['fanout-replicas'], 1, true),
    help: values.help,
  };
}
