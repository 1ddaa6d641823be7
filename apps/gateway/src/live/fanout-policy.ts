import type { Principal } from '@hanjiang/authz';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../context.js';

/** One item a joining subscriber missed, in order; `payload` is what the live source would have yielded. */
export interface ReplayItem {
  order: bigint;
  payload: unknown;
}

/**
 * Replay before live (`milestoneReached(after:)`). The argument is left out of the group key, so subscribers
 * with different cursors share one live stream; each joiner's missed items are read and executed once, for it.
 */
export interface ReplaySpec {
  /** The root field's argument holding the cursor. */
  argument: string;
  /** The order a cursor stands for; throws a public error (BAD_USER_INPUT) for a malformed one. */
  orderOfCursor(cursor: string): bigint;
  /** Up to `limit` items with order > `after`, oldest first, read under the subscriber's own context. */
  load(ctx: GatewayContext, after: bigint, limit: number): Promise<ReplayItem[]>;
  /** The order of a live payload, to drop at the seam what the replay already delivered. */
  orderOf(payload: unknown): bigint | null;
}

export interface FanoutPolicy {
  /**
   * What a subscriber joining a running group gets first: its latest result (state streams: the current board),
   * or nothing (event streams).
   */
  late: 'last' | 'none';
  /**
   * Whose results differ. `visibility` (the default): tenant, role and team, because row-level security and
   * masking shape the answer. `signed-in`: the field reads only data every signed-in principal may read (boards
   * and the gauge come from the public progress counters), so all of them share one group and one execution per
   * event; anonymous subscribers still get a group of their own (and its UNAUTHENTICATED error).
   */
  audience?: 'visibility' | 'signed-in';
  replay?: ReplaySpec;
}

/** Root subscription field → policy. Fields without one run per subscriber (e.g. `heartbeat`). */
export type FanoutPolicies = Readonly<Record<string, FanoutPolicy>>;

/** What graphql-ws hands the fan-out as `contextValue` of a subscription: who subscribes. */
export interface FanoutMember {
  readonly principal: Principal | null;
}

export interface FanoutOptions {
  policies: FanoutPolicies;
  /** A fresh context (own RequestTransaction, loaders) acting as `principal`. */
  createContext(principal: Principal | null, member: FanoutMember | null): GatewayContext;
  /** Formats errors exactly as HTTP does; called once per group result, not per subscriber. */
  format(result: ExecutionResult): FormattedExecutionResult;
  onError(error: unknown, detail: string): void;
  /** Seconds from an event reaching a group to its result queued for every member (the metrics histogram). */
  observeFanout?(field: string, seconds: number): void;
}

/**
 * Thrown by a live resolver when an event turns out to concern nobody in the group (e.g. the household is not
 * visible under row-level security after all): the fan-out drops the result instead of sending an error.
 */
export class SkipLiveEvent extends Error {
  constructor() {
    super('live event skipped');
  }
}

export function isSkipped(result: ExecutionResult): boolean {
  const errors = result.errors ?? [];
  return errors.length > 0 && errors.every((error) => error.originalError instanceof SkipLiveEvent);
}

/**
 * Everything resolvers may read from the context that changes what they return: tenant (rows under RLS), role
 * and team (PII masking), kind (user or API key). Not the subject: no read depends on who exactly asks.
 */
export function audienceKey(principal: Principal | null, policy: FanoutPolicy): string {
  if (policy.audience === 'signed-in') return principal ? 'signed-in' : 'anonymous';
  return visibilityKey(principal);
}

export function visibilityKey(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  const { kind, tenantKind, tenantCode, role, teamId } = principal;
  return [kind, tenantKind, tenantCode, role, teamId ?? ''].join('|');
}
