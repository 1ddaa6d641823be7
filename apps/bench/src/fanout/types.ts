// The fan-out's result rows: one per N, and within it one per gateway replica when there are several.

export interface ReplicaRow {
  /** 1-based; replica 1 takes the signings, the others only get them through Redis. */
  replica: number;
  subscribers: number;
  /** Median over signings of each signing's p50 / p99 (ms from just before COMMIT to receipt). */
  p50: number | null;
  p99: number | null;
  /** Received ÷ expected over all signings, for this replica's subscribers. */
  delivered: number;
  rssBeforeKiB: number;
  rssIdleKiB: number;
  kibPerSubscriber: number;
  /** This replica's board executions and SQL statements during the signings (/debug/live-stats deltas). */
  executions: number;
  sqlStatements: number;
}

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
  /** Bus events seen by replica 1; SQL statements and executions summed over the replicas. */
  busEvents: number;
  sqlStatements: number;
  executions: number;
  sqlPerEvent: number | null;
  sqlPerSigning: number | null;
  groups: number | null;
  /** Summed over the replicas. */
  rssBeforeKiB: number;
  rssIdleKiB: number;
  kibPerSubscriber: number;
  openSeconds: number;
  problems: string[];
  /** Only with --fanout-replicas > 1. */
  replicas?: ReplicaRow[];
  /** Median over signings of COMMIT → the first live event at the bench's own Redis subscriber (replicas only). */
  redisLagMs?: number | null;
}
