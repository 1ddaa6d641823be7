// The signings of the fan-out: each one armed in every client process, committed on replica 1 through the
// gateway's own advanceStage mutation, then the clients' receipt times collected (8 s at most) and folded into
// overall and per-replica percentiles. t0 is the gateway's `extensions.commitStartedAt` (same machine clock).
import { performance } from 'node:perf_hooks';
import type { Child } from '../children.js';
import { post } from '../graphql-client.js';
import { signBody, type SigningTarget } from '../signing.js';
import type { ClientProcess } from './client-process.js';
import { SigningPercentiles } from './measure.js';
import type { RedisLagProbe } from './redis-lag.js';
import type { ClientShare } from './split.js';

/** How long a signing's board may take before undelivered subscribers count as missed. */
export const DELIVERY_TIMEOUT_MS = 8_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (v: number | null | undefined) => v?.toFixed(0) ?? '–';

export interface ReplicaTally {
  percentiles: SigningPercentiles;
  received: number;
  expected: number;
}

export interface Signed {
  signings: number;
  all: SigningPercentiles;
  fromRequest: SigningPercentiles;
  replicas: ReplicaTally[];
  pooled: number[];
  answerMs: number[];
  received: number;
  expected: number;
  extraResults: number;
  redisLagMs: number[];
}

export async function runSignings(options: {
  subscribers: number;
  signings: number;
  targets: SigningTarget[];
  signer: Child;
  signerToken: string;
  workers: ClientProcess[];
  shares: ClientShare[];
  /** Subscriptions held per replica (expected receipts per signing). */
  perReplica: number[];
  deadline: number;
  redisLag: RedisLagProbe | null;
  problems: string[];
  log: (line: string) => void;
}): Promise<Signed> {
  const { workers, problems } = options;
  const subscriptions = options.perReplica.reduce((a, b) => a + b, 0);
  const out: Signed = {
    signings: 0,
    all: new SigningPercentiles(),
    fromRequest: new SigningPercentiles(),
    replicas: options.perReplica.map(() => ({
      percentiles: new SigningPercentiles(),
      received: 0,
      expected: 0,
    })),
    pooled: [],
    answerMs: [],
    received: 0,
    expected: 0,
    extraResults: 0,
    redisLagMs: [],
  };
  for (let s = 0; s < options.signings && problems.length === 0; s += 1) {
    const target = options.targets[s];
    if (!target || Date.now() > options.deadline - DELIVERY_TIMEOUT_MS - 2_000) break;
    for (const w of workers) w.send({ type: 'arm', seq: s });
    const times = workers.map((w) => w.next('times', DELIVERY_TIMEOUT_MS + 2_000, (m) => m.seq === s));
    const body = signBody(target, `bench-fanout-${options.subscribers}-${s}-${Date.now()}`);
    const t0 = performance.timeOrigin + performance.now();
    const answer = await post(`${options.signer.url}/graphql`, body, options.signerToken);
    const stage = (answer.body?.data as { advanceStage?: { stage?: string } } | undefined)?.advanceStage
      ?.stage;
    if (answer.status !== 200 || answer.body?.errors || stage !== 'SIGNED') {
      problems.push(`signing ${s}: ${answer.status} ${answer.text.slice(0, 300)}`);
      break;
    }
    out.answerMs.push(performance.timeOrigin + performance.now() - t0);
    const commitStartedAt = (answer.body?.extensions as { commitStartedAt?: unknown } | undefined)
      ?.commitStartedAt;
    if (typeof commitStartedAt !== 'number') {
      problems.push(`signing ${s}: no extensions.commitStartedAt (is EXPOSE_SQL_STATS on?)`);
      break;
    }
    const timer = setTimeout(() => {
      for (const w of workers) w.send({ type: 'collect', seq: s });
    }, DELIVERY_TIMEOUT_MS);
    const results = await Promise.all(times);
    clearTimeout(timer);
    out.signings += 1;
    const latencies: number[] = [];
    const fromRequest: number[] = [];
    const byReplica: number[][] = options.perReplica.map(() => []);
    for (const [k, r] of results.entries()) {
      if (!r) {
        problems.push(`signing ${s}: a client process did not report`);
        continue;
      }
      for (const t of r.times) {
        latencies.push(t - commitStartedAt);
        fromRequest.push(t - t0);
        byReplica[options.shares[k]!.replica]!.push(t - commitStartedAt);
      }
      out.extraResults += r.extra;
      problems.push(...r.problems);
    }
    const { p50, p99 } = out.all.add(latencies);
    out.received += latencies.length;
    out.expected += subscriptions;
    out.pooled.push(...latencies);
    const fromRequestP = out.fromRequest.add(fromRequest);
    const replicaParts = byReplica.map((list, i) => {
      const tally = out.replicas[i]!;
      const p = tally.percentiles.add(list);
      tally.received += list.length;
      tally.expected += options.perReplica[i]!;
      return `replica ${i + 1} ${list.length}/${options.perReplica[i]} p50 ${fmt(p.p50)} p99 ${fmt(p.p99)}`;
    });
    const lag = options.redisLag?.lagAfter(t0, commitStartedAt) ?? null;
    if (lag !== null) out.redisLagMs.push(lag);
    options.log(
      `fan-out ${options.subscribers} signing ${s + 1}/${options.signings}: ${latencies.length}/${subscriptions} ` +
        `received, from COMMIT p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms, max ${fmt(latencies.at(-1))} ms; ` +
        `from the request p50 ${fmt(fromRequestP.p50)} ms` +
        (options.perReplica.length > 1 ? `; ${replicaParts.join(', ')}; COMMIT → Redis ${fmt(lag)} ms` : ''),
    );
    await sleep(1_000);
  }
  out.pooled.sort((a, b) => a - b);
  return out;
}
