/**
 * Counters of the live fan-out, for the benchmark and the tests: they prove that work per event grows with the
 * number of distinct groups, never with the number of subscribers. Process-wide (one gateway per process in
 * production; in-process test gateways share it, so read deltas around one event, not absolute values).
 *
 * How to read them around one committed event:
 *   const before = fanoutStats(); …commit, wait until the clients received it…; const d = fanoutDelta(before);
 *   d.executions — GraphQL executions (one per group that the event concerned), d.sqlStatements — statements
 *   those executions sent (BEGIN…settings and COMMIT included), d.deliveries — results handed to subscribers.
 *   d.sqlStatements / d.busEvents is "SQL per event"; it must not change when subscribers are added to groups.
 */
export interface FanoutStats {
  /** Events received from the bus (PostgreSQL LISTEN or Redis), synthetic resyncs included. */
  busEvents: number;
  /** Executions of an event for a group (once per group per event, after coalescing). */
  executions: number;
  /** SQL statements sent by those executions. */
  sqlStatements: number;
  /** Results pushed to subscribers (one per subscriber per result). */
  deliveries: number;
  /** Executions whose result concerned nobody in the group (e.g. a household no longer visible). */
  skipped: number;
  /** Executions for replays (`milestoneReached(after:)`), once per replayed item per joining subscriber. */
  replayExecutions: number;
  /** Per-subscriber executions of operations without a fan-out policy (e.g. `heartbeat`). */
  privateSubscriptions: number;
  /** Groups and subscribers open now. */
  groups: number;
  members: number;
}

const counters: FanoutStats = {
  busEvents: 0,
  executions: 0,
  sqlStatements: 0,
  deliveries: 0,
  skipped: 0,
  replayExecutions: 0,
  privateSubscriptions: 0,
  groups: 0,
  members: 0,
};

/** The mutable counters, for the fan-out code only. */
export const stats = counters;

/** A snapshot of the counters. */
export function fanoutStats(): FanoutStats {
  return { ...counters };
}

/** What happened since `before` (gauges — groups, members — are current values). */
export function fanoutDelta(before: FanoutStats): FanoutStats {
  const now = fanoutStats();
  return {
    busEvents: now.busEvents - before.busEvents,
    executions: now.executions - before.executions,
    sqlStatements: now.sqlStatements - before.sqlStatements,
    deliveries: now.deliveries - before.deliveries,
    skipped: now.skipped - before.skipped,
    replayExecutions: now.replayExecutions - before.replayExecutions,
    privateSubscriptions: now.privateSubscriptions - before.privateSubscriptions,
    groups: now.groups,
    members: now.members,
  };
}
