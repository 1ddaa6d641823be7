// The fan-out scenario (issue 5, replicas from issue 16): N concurrent WebSocket subscribers to
// leaderboardChanged(board: HEADQUARTERS), spread over tenants, held by forked client processes (two, more past
// 20,000), on one gateway or split evenly over several replicas sharing live events through Redis; a signing
// committed on replica 1 through the gateway's own advanceStage mutation over HTTP; latency from just before its
// COMMIT (the gateway's `commitStartedAt`, same machine clock) to receipt at each subscriber, and from just before
// the request for comparison. Also SQL statements per bus event (GET /debug/live-stats deltas) and each gateway's
// idle RSS per subscriber (VmRSS). The steps live beside this file: subscribers, signer, measure, report.
import type { Child } from '../children.js';
import { median } from '../report.js';
import type { SigningTarget } from '../signing.js';
import { ClientProcess } from './client-process.js';
import { kibPer, liveStats, percentile, round1, rssKiB } from './measure.js';
import type { RedisLagProbe } from './redis-lag.js';
import { runSignings } from './signer.js';
import { clientProcesses, shareSockets, SUBSCRIPTIONS_PER_SOCKET, subscriptionsPerReplica } from './split.js';
import { openSubscribers } from './subscribers.js';
import type { FanoutRow, ReplicaRow } from './types.js';

/** Budget per N: opening, initial boards, signings — a minute, or 3 ms per subscriber when more. */
const budgetMs = (subscribers: number) => Math.max(60_000, subscribers * 3);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FanoutOptions {
  subscribers: number;
  signings: number;
  /** Freshly started gateways with EXPOSE_SQL_STATS=1 (their pids are read for VmRSS); the first signs. */
  gateways: Child[];
  /** Tokens of the subscribing principals (one tenant each). */
  tokens: string[];
  /** Token of a principal allowed to sign `targets`. */
  signerToken: string;
  targets: SigningTarget[];
  /** Times the Redis leg with several replicas (null with one gateway). */
  redisLag: RedisLagProbe | null;
  log: (line: string) => void;
  cwd: string;
}

export async function runFanout(options: FanoutOptions): Promise<FanoutRow> {
  const { gateways, log } = options;
  const replicas = gateways.length;
  const started = Date.now();
  const budget = budgetMs(options.subscribers);
  const deadline = started + budget;
  const problems: string[] = [];
  const pids = gateways.map((g) => g.process.pid!);
  const sockets = Math.ceil(options.subscribers / SUBSCRIPTIONS_PER_SOCKET);
  const socketTokens = Array.from({ length: sockets }, (_, i) => options.tokens[i % options.tokens.length]!);
  const shares = shareSockets(sockets, clientProcesses(options.subscribers, replicas), replicas);
  const perReplica = subscriptionsPerReplica(shares, replicas, SUBSCRIPTIONS_PER_SOCKET);
  // Warm the path (one HTTP request) and let start-up garbage settle before the baseline.
  await Promise.all(gateways.map(liveStats));
  await sleep(1_000);
  const rssBeforeKiB = pids.map(rssKiB);

  const workers = shares.map(() => ClientProcess.fork(options.cwd));
  try {
    const opened = await openSubscribers({
      workers,
      shares,
      gateways,
      socketTokens,
      subscriptionsPerSocket: SUBSCRIPTIONS_PER_SOCKET,
      deadlineMs: deadline - 20_000,
      budgetMs: budget,
    });
    const { subscriptions, initial } = opened;
    problems.push(...opened.problems);
    const openSeconds = (Date.now() - started) / 1000;
    log(
      `fan-out ${options.subscribers}: ${subscriptions} subscriptions on ${sockets} sockets` +
        (replicas > 1 ? ` (${perReplica.join(' + ')} on ${replicas} replicas)` : '') +
        `, ${initial} initial boards in ${openSeconds.toFixed(1)} s`,
    );
    if (initial < options.subscribers)
      problems.push(`only ${initial} of ${options.subscribers} initial boards`);
    await sleep(2_000);
    const rssIdleKiB = pids.map(rssKiB);
    const before = await Promise.all(gateways.map(liveStats));

    const signed = await runSignings({
      subscribers: options.subscribers,
      signings: options.signings,
      targets: options.targets,
      signer: gateways[0]!,
      signerToken: options.signerToken,
      workers,
      shares,
      perReplica,
      deadline,
      redisLag: options.redisLag,
      problems,
      log,
    });
    const after = await Promise.all(gateways.map(liveStats));
    const sum = (f: (i: number) => number) => gateways.reduce((n, _, i) => n + f(i), 0);
    const busEvents = after[0]!.busEvents - before[0]!.busEvents;
    const sqlStatements = sum((i) => after[i]!.sqlStatements - before[i]!.sqlStatements);
    const overall = signed.all.medians();
    const fromRequest = signed.fromRequest.medians();
    const row: FanoutRow = {
      subscribers: options.subscribers,
      sockets,
      principals: Math.min(options.tokens.length, sockets),
      signings: signed.signings,
      p50: overall.p50,
      p99: overall.p99,
      p50FromRequest: fromRequest.p50,
      p99FromRequest: fromRequest.p99,
      pooledP50: round1(percentile(signed.pooled, 50)),
      pooledP99: round1(percentile(signed.pooled, 99)),
      max: round1(signed.pooled.at(-1) ?? null),
      signingMs: signed.answerMs.length ? round1(median(signed.answerMs)) : null,
      delivered: signed.expected ? signed.received / signed.expected : 0,
      extraResults: signed.extraResults,
      busEvents,
      sqlStatements,
      executions: sum((i) => after[i]!.executions - before[i]!.executions),
      sqlPerEvent: busEvents ? Math.round((sqlStatements / busEvents) * 100) / 100 : null,
      sqlPerSigning: signed.signings ? Math.round((sqlStatements / signed.signings) * 100) / 100 : null,
      groups: sum((i) => after[i]!.groups),
      rssBeforeKiB: sum((i) => rssBeforeKiB[i]!),
      rssIdleKiB: sum((i) => rssIdleKiB[i]!),
      kibPerSubscriber: kibPer(
        sum((i) => rssBeforeKiB[i]!),
        sum((i) => rssIdleKiB[i]!),
        subscriptions,
      ),
      openSeconds: Math.round(openSeconds * 10) / 10,
      problems: problems.slice(0, 20),
    };
    if (replicas === 1) return row;
    const replicaRows: ReplicaRow[] = gateways.map((_, i) => {
      const tally = signed.replicas[i]!;
      return {
        replica: i + 1,
        subscribers: perReplica[i]!,
        ...tally.percentiles.medians(),
        delivered: tally.expected ? tally.received / tally.expected : 0,
        rssBeforeKiB: rssBeforeKiB[i]!,
        rssIdleKiB: rssIdleKiB[i]!,
        kibPerSubscriber: kibPer(rssBeforeKiB[i]!, rssIdleKiB[i]!, perReplica[i]!),
        executions: after[i]!.executions - before[i]!.executions,
        sqlStatements: after[i]!.sqlStatements - before[i]!.sqlStatements,
      };
    });
    return {
      ...row,
      replicas: replicaRows,
      redisLagMs: signed.redisLagMs.length ? round1(median(signed.redisLagMs)) : null,
    };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}
