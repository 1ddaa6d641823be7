import type { Principal } from '@hanjiang/authz';
import {
  createSourceEventStream,
  type ExecutionArgs,
  type FormattedExecutionResult,
  execute,
  getOperationAST,
} from 'graphql';
import { endOperation, type OperationOutcome } from '../pipeline/end-operation.js';
import { FanoutMember } from './fanout-member.js';
import { type FanoutOptions, type FanoutPolicy, isSkipped } from './fanout-policy.js';
import { stats } from './fanout-stats.js';

/**
 * Subscribers sharing (visibility, document, operation name, variables). The first one opens ONE source
 * stream; each source event is executed ONCE, in its own short transaction under the group's visibility,
 * formatted once, and the same result object is handed to every member. The last member leaving closes it.
 */
export class FanoutGroup {
  private readonly members = new Set<FanoutMember>();
  private last: FormattedExecutionResult | null = null;
  private source: AsyncIterator<unknown> | null = null;
  private closed = false;
  /** Resolves to an error result when the source could not be opened (e.g. UNAUTHENTICATED), else null. */
  readonly ready: Promise<FormattedExecutionResult | null>;

  constructor(
    private readonly args: ExecutionArgs,
    private readonly principal: Principal | null,
    /** The root subscription field, for metrics. */
    readonly field: string,
    private readonly policy: FanoutPolicy,
    private readonly options: FanoutOptions,
    private readonly onClosed: (group: FanoutGroup) => void,
  ) {
    stats.groups += 1;
    this.ready = this.open();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get size(): number {
    return this.members.size;
  }

  /** A new member, or null when the group closed meanwhile (the caller opens a new one). */
  async join(): Promise<FanoutMember | FormattedExecutionResult | null> {
    const failed = await this.ready;
    if (failed) return failed;
    if (this.closed) return null;
    const member = new FanoutMember(this.policy.late === 'last', (m) => this.leave(m));
    this.members.add(member);
    stats.members += 1;
    if (this.policy.late === 'last' && this.last) member.deliver(this.last);
    return member;
  }

  private leave(member: FanoutMember): void {
    if (!this.members.delete(member)) return;
    stats.members -= 1;
    if (this.members.size === 0) this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    stats.groups -= 1;
    this.onClosed(this);
    void this.source?.return?.();
    for (const member of this.members) member.queue.finish();
  }

  private async open(): Promise<FormattedExecutionResult | null> {
    // Source resolvers only listen to the hub; a transaction they opened would be held for the group's life.
    const ctx = this.options.createContext(this.principal, null);
    let source: Awaited<ReturnType<typeof createSourceEventStream>>;
    try {
      source = await createSourceEventStream({ ...this.args, contextValue: ctx });
    } catch (error) {
      this.options.onError(error, 'live source failed to open');
      source = { errors: [] };
    } finally {
      await ctx.tx.rollback().catch(() => undefined);
    }
    if (!(Symbol.asyncIterator in source)) {
      this.close();
      return this.options.format(source);
    }
    this.source = source[Symbol.asyncIterator]();
    if (this.closed) void this.source.return?.();
    else void this.pump(this.source);
    return null;
  }

  private async pump(source: AsyncIterator<unknown>): Promise<void> {
    try {
      for (;;) {
        const next = await source.next();
        if (next.done || this.closed) break;
        const arrived = performance.now();
        const result = await this.execute(next.value);
        if (!result || this.closed) continue;
        if (this.policy.late === 'last') this.last = result;
        for (const member of this.members) member.deliver(result, next.value);
        this.options.observeFanout?.(this.field, (performance.now() - arrived) / 1000);
      }
    } catch (error) {
      this.options.onError(error, 'live source failed');
    }
    // The source ended (server stopping, or a failure): end every member's stream too.
    this.close();
  }

  private async execute(payload: unknown): Promise<FormattedExecutionResult | null> {
    const ctx = this.options.createContext(this.principal, null);
    let result: FormattedExecutionResult | null = null;
    try {
      const executed = await execute({ ...this.args, rootValue: payload, contextValue: ctx });
      stats.executions += 1;
      if (isSkipped(executed)) stats.skipped += 1;
      else result = this.options.format(executed);
    } catch (error) {
      this.options.onError(error, 'live execution failed');
    }
    // The pipeline's end of operation, as for every entry: a read commits (a failed commit is said, not hidden).
    const end = await endOperation(ctx, this.outcome);
    stats.sqlStatements += end.sqlStatements;
    return end.replacement ?? result;
  }

  /** The same for every event of the group: worked out once, not per event. */
  private outcomeOnce: OperationOutcome | null = null;

  private get outcome(): OperationOutcome {
    if (!this.outcomeOnce) {
      const operation = getOperationAST(this.args.document, this.args.operationName);
      this.outcomeOnce = {
        operation,
        operationName: operation?.name?.value,
        variables: this.args.variableValues ?? undefined,
        failed: false,
      };
    }
    return this.outcomeOnce;
  }
}
