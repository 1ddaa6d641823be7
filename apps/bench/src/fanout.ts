// The fan-out scenario (issue 5): N concurrent WebSocket subscribers to leaderboardChanged(board: HEADQUARTERS),
// spread over tenants, held by forked client processes (two, more past 20,000); a signing committed through the gateway's own
// advanceStage mutation over HTTP; latency from just before its COMMIT (the gateway's `commitStartedAt`, same
// machine clock) to receipt at each subscriber, and from just before the request for comparison. Also SQL
// statements per bus event (GET /debug/live-stats deltas) and the gateway's idle RSS per subscriber (VmRSS).
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Child } from './children.js';
import type { OpenCommand, ParentMessage, WorkerMessage } from './fanout-client.js';
import { post } from './graphql-client.js';
import { median } from './report.js';
import { signBody, type SigningTarget } from './signing.js';

export const FANOUT_QUERY =
  'subscription Board { leaderboardChanged(board: HEADQUARTERS) { rank scopeCode signedPct signedToday } }';
/** Subscriptions per socket (the gateway allows 50). */
export const SUBSCRIPTIONS_PER_SOCKET = 10;
/** Client processes holding the sockets: two, and one more per 10,000 subscribers past 20,000 (one process's
 * event loop parsing every board for 25,000 sockets would time itself, not the gateway). */
export function clientProcesses(subscribers: number): number {
  return Math.max(2, Math.ceil(subscribers / 10_000));
}
/** Budget per N: opening, initial boards, signings — a minute, or 3 ms per subscriber when more. */
const budgetMs = (subscribers: number) => Math.max(60_000, subscribers * 3);
/** How long a signing's board may take before undelivered subscribers count as missed. */
const DELIVERY_TIMEOUT_MS = 8_000;

export interface FanoutRow {
  subscribers: number;
  sockets: number;
  principals: number;
  signings: number;
  /** Median over signings of each signing's p50 / p99 (ms, just before COMMIT → received: issue 5's measure). */
  p50: number | null;
  p99: number | null;
  /** The same from just before the signing request was sent (includes the mutation's own work). */
  p50FromRequest: number | null;
  p99FromRequest: number | null;
  /** All latencies of all signings pooled. */
  pooledP50: number | null;
  pooledP99: number | null;
  max: number | null;
  /** Median time until the signing's HTTP answer (ms): part of every latency. */
  signingMs: number | null;
  /** Received ÷ expected over all signings. */
  delivered: number;
  /** Results beyond one per subscriber per signing (coalescing normally folds them). */
  extraResults: number;
  busEvents: number;
  sqlStatements: number;
  executions: number;
  sqlPerEvent: number | null;
  sqlPerSigning: number | null;
  groups: number | null;
  rssBeforeKiB: number;
  rssIdleKiB: number;
  kibPerSubscriber: number;
  openSeconds: number;
  problems: string[];
}

interface LiveStats {
  busEvents: number;
  executions: number;
  sqlStatements: number;
  deliveries: number;
  groups: number;
  members: number;
}

export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) : Number.NaN;
}

async function liveStats(gateway: Child): Promise<LiveStats> {
  const response = await fetch(`${gateway.url}/debug/live-stats`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET /debug/live-stats answered ${response.status}`);
  return (await response.json()) as LiveStats;
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class ClientProcess {
  private readonly waiters: ((message: WorkerMessage) => boolean)[] = [];
  readonly exited: Promise<void>;

  constructor(readonly proc: ChildProcess) {
    proc.on('message', (message: WorkerMessage) => {
      const i = this.waiters.findIndex((w) => w(message));
      if (i >= 0) this.waiters.splice(i, 1);
    });
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
  }

  send(message: ParentMessage): void {
    if (this.proc.connected) this.proc.send(message);
  }

  next<T extends WorkerMessage['type']>(
    type: T,
    timeoutMs: number,
    accept: (m: Extract<WorkerMessage, { type: T }>) => boolean = () => true,
  ): Promise<Extract<WorkerMessage, { type: T }> | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(null);
      }, timeoutMs);
      const waiter = (message: WorkerMessage) => {
        if (message.type !== type || !accept(message as Extract<WorkerMessage, { type: T }>)) return false;
        clearTimeout(timer);
        resolve(message as Extract<WorkerMessage, { type: T }>);
        return true;
      };
      this.waiters.push(waiter);
      void this.exited.then(() => {
        clearTimeout(timer);
        resolve(null);
      });
    });
  }

  async close(): Promise<void> {
    this.send({ type: 'close' });
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }
}

export interface FanoutOptions {
  subscribers: number;
  signings: number;
  /** A freshly started gateway with EXPOSE_SQL_STATS=1; its pid is read for VmRSS. */
  gateway: Child;
  /** Tokens of the subscribing principals (one tenant each). */
  tokens: string[];
  /** Token of a principal allowed to sign `targets`. */
  signerToken: string;
  targets: SigningTarget[];
  log: (line: string) => void;
  cwd: string;
}

export async function runFanout(options: FanoutOptions): Promise<FanoutRow> {
  const { gateway, log } = options;
  const started = Date.now();
  const budget = budgetMs(options.subscribers);
  const deadline = started + budget;
  const workerCount = clientProcesses(options.subscribers);
  const problems: string[] = [];
  const pid = gateway.process.pid!;
  const sockets = Math.ceil(options.subscribers / SUBSCRIPTIONS_PER_SOCKET);
  const socketTokens = Array.from({ length: sockets }, (_, i) => options.tokens[i % options.tokens.length]!);
  // Warm the path (one HTTP request) and let start-up garbage settle before the baseline.
  await liveStats(gateway);
  await sleep(1_000);
  const rssBeforeKiB = rssKiB(pid);

  const workers = Array.from(
    { length: workerCount },
    () =>
      new ClientProcess(
        fork(new URL('./fanout-client.ts', import.meta.url), [], {
          cwd: options.cwd,
          execArgv: ['--import', 'tsx'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        }),
      ),
  );
  try {
    const url = `${gateway.url.replace(/^http/, 'ws')}/graphql`;
    const opened = await Promise.all(
      workers.map((w, k) => {
        const command: OpenCommand = {
          type: 'open',
          url,
          query: FANOUT_QUERY,
          tokens: socketTokens.filter((_, i) => i % workerCount === k),
          subscriptionsPerSocket: SUBSCRIPTIONS_PER_SOCKET,
          deadlineMs: deadline - 20_000,
        };
        w.send(command);
        return w.next('opened', budget);
      }),
    );
    const subscriptions = opened.reduce((n, o) => n + (o?.subscriptions ?? 0), 0);
    const initial = opened.reduce((n, o) => n + (o?.initial ?? 0), 0);
    for (const o of opened) problems.push(...(o?.problems ?? ['a client process did not answer']));
    const openSeconds = (Date.now() - started) / 1000;
    log(
      `fan-out ${options.subscribers}: ${subscriptions} subscriptions on ${sockets} sockets, ` +
        `${initial} initial boards in ${openSeconds.toFixed(1)} s`,
    );
    if (initial < options.subscribers)
      problems.push(`only ${initial} of ${options.subscribers} initial boards`);
    await sleep(2_000);
    const rssIdleKiB = rssKiB(pid);
    const before = await liveStats(gateway);

    const perSigning: { p50: number; p99: number }[] = [];
    const perSigningFromRequest: { p50: number; p99: number }[] = [];
    const pooled: number[] = [];
    const answerMs: number[] = [];
    let receivedTotal = 0;
    let expectedTotal = 0;
    let extraResults = 0;
    let signings = 0;
    for (let s = 0; s < options.signings && problems.length === 0; s += 1) {
      const target = options.targets[s];
      if (!target || Date.now() > deadline - DELIVERY_TIMEOUT_MS - 2_000) break;
      for (const w of workers) w.send({ type: 'arm', seq: s });
      const times = workers.map((w) => w.next('times', DELIVERY_TIMEOUT_MS + 2_000, (m) => m.seq === s));
      const body = signBody(target, `bench-fanout-${options.subscribers}-${s}-${Date.now()}`);
      const t0 = performance.timeOrigin + performance.now();
      const answer = await post(`${gateway.url}/graphql`, body, options.signerToken);
      const stage = (answer.body?.data as { advanceStage?: { stage?: string } } | undefined)?.advanceStage
        ?.stage;
      if (answer.status !== 200 || answer.body?.errors || stage !== 'SIGNED') {
        problems.push(`signing ${s}: ${answer.status} ${answer.text.slice(0, 300)}`);
        break;
      }
      answerMs.push(performance.timeOrigin + performance.now() - t0);
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
      signings += 1;
      const latencies: number[] = [];
      const fromRequest: number[] = [];
      for (const r of results) {
        if (!r) {
          problems.push(`signing ${s}: a client process did not report`);
          continue;
        }
        for (const t of r.times) {
          latencies.push(t - commitStartedAt);
          fromRequest.push(t - t0);
        }
        extraResults += r.extra;
        problems.push(...r.problems);
      }
      latencies.sort((a, b) => a - b);
      receivedTotal += latencies.length;
      expectedTotal += subscriptions;
      pooled.push(...latencies);
      const p50 = percentile(latencies, 50);
      const p99 = percentile(latencies, 99);
      if (p50 !== null && p99 !== null) perSigning.push({ p50, p99 });
      fromRequest.sort((a, b) => a - b);
      const r50 = percentile(fromRequest, 50);
      const r99 = percentile(fromRequest, 99);
      if (r50 !== null && r99 !== null) perSigningFromRequest.push({ p50: r50, p99: r99 });
      log(
        `fan-out ${options.subscribers} signing ${s + 1}/${options.signings}: ${latencies.length}/${subscriptions} ` +
          `received, from COMMIT p50 ${p50?.toFixed(0) ?? '–'} ms, p99 ${p99?.toFixed(0) ?? '–'} ms, max ${latencies.at(-1)?.toFixed(0) ?? '–'} ms; ` +
          `from the request p50 ${r50?.toFixed(0) ?? '–'} ms`,
      );
      await sleep(1_000);
    }
    const after = await liveStats(gateway);
    pooled.sort((a, b) => a - b);
    const busEvents = after.busEvents - before.busEvents;
    const sqlStatements = after.sqlStatements - before.sqlStatements;
    const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    return {
      subscribers: options.subscribers,
      sockets,
      principals: Math.min(options.tokens.length, sockets),
      signings,
      p50: perSigning.length ? round1(median(perSigning.map((x) => x.p50))) : null,
      p99: perSigning.length ? round1(median(perSigning.map((x) => x.p99))) : null,
      p50FromRequest: perSigningFromRequest.length
        ? round1(median(perSigningFromRequest.map((x) => x.p50)))
        : null,
      p99FromRequest: perSigningFromRequest.length
        ? round1(median(perSigningFromRequest.map((x) => x.p99)))
        : null,
      pooledP50: round1(percentile(pooled, 50)),
      pooledP99: round1(percentile(pooled, 99)),
      max: round1(pooled.at(-1) ?? null),
      signingMs: answerMs.length ? round1(median(answerMs)) : null,
      delivered: expectedTotal ? receivedTotal / expectedTotal : 0,
      extraResults,
      busEvents,
      sqlStatements,
      executions: after.executions - before.executions,
      sqlPerEvent: busEvents ? Math.round((sqlStatements / busEvents) * 100) / 100 : null,
      sqlPerSigning: signings ? Math.round((sqlStatements / signings) * 100) / 100 : null,
      groups: after.groups,
      rssBeforeKiB,
      rssIdleKiB,
      kibPerSubscriber: Math.round(((rssIdleKiB - rssBeforeKiB) / Math.max(subscriptions, 1)) * 10) / 10,
      openSeconds: Math.round(openSeconds * 10) / 10,
      problems: problems.slice(0, 20),
    };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}

export function formatFanoutTable(rows: FanoutRow[]): string {
  const header = [
    'subscribers',
    'sockets',
    'signings',
    'p50 ms',
    'p99 ms',
    'max ms',
    'p50 from request',
    'mutation ms',
    'delivered',
    'SQL/event',
    'SQL/signing',
    'groups',
    'KiB/idle sub',
  ];
  const fmt = (v: number | null, digits = 0) => (v === null ? '—' : v.toFixed(digits));
  const cells = rows.map((r) => [
    String(r.subscribers),
    String(r.sockets),
    String(r.signings),
    fmt(r.p50),
    fmt(r.p99),
    fmt(r.max),
    fmt(r.p50FromRequest),
    fmt(r.signingMs),
    `${(r.delivered * 100).toFixed(r.delivered === 1 ? 0 : 2)} %`,
    fmt(r.sqlPerEvent, 2),
    fmt(r.sqlPerSigning, 1),
    fmt(r.groups),
    fmt(r.kibPerSubscriber, 1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padStart(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => ` ${'-'.repeat(w - 1)}: `).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

/** The issue-5 targets, checked on the largest N measured. */
export function fanoutTargets(
  rows: FanoutRow[],
): { target: string; wanted: string; measured: string; met: boolean | null }[] {
  const top = rows.at(-1);
  if (!top) return [];
  const at = `at ${top.subscribers}`;
  const sql = rows.map((r) => r.sqlPerEvent).filter((v): v is number => v !== null);
  return [
    {
      target: `fan-out p50 ${at}`,
      wanted: '≤ 300 ms',
      measured: `${top.p50 ?? '—'} ms`,
      met: top.p50 === null ? null : top.p50 <= 300,
    },
    {
      target: `fan-out p99 ${at}`,
      wanted: '≤ 800 ms',
      measured: `${top.p99 ?? '—'} ms`,
      met: top.p99 === null ? null : top.p99 <= 800,
    },
    {
      target: `fan-out delivered ${at}`,
      wanted: '100 %',
      measured: `${(top.delivered * 100).toFixed(2)} %`,
      met: top.delivered === 1,
    },
    {
      target: `idle RSS per subscriber ${at}`,
      wanted: '≤ 30 KiB',
      measured: `${top.kibPerSubscriber} KiB`,
      met: top.kibPerSubscriber <= 30,
    },
    {
      target: 'SQL per event across N',
      wanted: 'independent of N',
      measured: rows.map((r) => `${r.subscribers}: ${r.sqlPerEvent ?? '—'}`).join(', '),
      met: sql.length === rows.length && sql.length > 0 ? Math.max(...sql) - Math.min(...sql) < 0.5 : null,
    },
  ];
}
