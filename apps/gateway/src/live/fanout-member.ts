import {
  type ExecutionArgs,
  type FormattedExecutionResult,
  execute,
  getOperationAST,
  GraphQLError,
} from 'graphql';
import { endOperation } from '../pipeline/end-operation.js';
import type { GatewayContext } from '../context.js';
import { stats } from './fanout-stats.js';
import { type FanoutOptions, isSkipped, type ReplaySpec } from './fanout-policy.js';
import { PushQueue } from './push-queue.js';

const REPLAY_PAGE = 500;

/**
 * One subscriber in a group: a small queue that graphql-ws reads and writes to the socket. It holds references
 * to results shared with the whole group (serialised per message by graphql-ws, built once by the group).
 */
export class FanoutMember {
  readonly queue: PushQueue<FormattedExecutionResult>;
  /** While replaying, live results wait here with their payload's order, for de-duplication at the seam. */
  private buffer: { result: FormattedExecutionResult; payload: unknown }[] | null = null;
  /** Live items at or below this order were delivered by the replay (or were before the client's cursor). */
  private seen: bigint | null = null;
  private spec: ReplaySpec | null = null;

  constructor(stateStream: boolean, onLeave: (member: FanoutMember) => void) {
    // A slow screen only needs the newest board; an event stream that falls 1,000 behind is cut off.
    this.queue = new PushQueue(
      stateStream
        ? { limit: 1, overflow: 'drop-oldest', onClose: () => onLeave(this) }
        : { limit: 1_000, overflow: 'end', onClose: () => onLeave(this) },
    );
  }

  deliver(result: FormattedExecutionResult, payload?: unknown): void {
    if (this.buffer) {
      this.buffer.push({ result, payload });
      return;
    }
    if (this.spec && this.seen !== null) {
      const order = this.spec.orderOf(payload);
      if (order !== null && order <= this.seen) return;
    }
    if (this.queue.push(result)) stats.deliveries += 1;
  }

  /**
   * Delivers what the subscriber missed after its cursor, then the live results buffered meanwhile minus those
   * the replay already covered. The member is in the group before the replay reads, so nothing committed after
   * the read can be missed, and anything committed before it and also arriving live is dropped by its order.
   */
  async replay(
    spec: ReplaySpec,
    after: bigint,
    args: ExecutionArgs,
    ctx: GatewayContext,
    options: FanoutOptions,
  ): Promise<void> {
    this.spec = spec;
    this.buffer = [];
    let seen = after;
    try {
      for (;;) {
        const items = await spec.load(ctx, seen, REPLAY_PAGE);
        for (const item of items) {
          const result = await execute({ ...args, rootValue: item.payload, contextValue: ctx });
          stats.replayExecutions += 1;
          if (!isSkipped(result) && this.queue.push(options.format(result))) stats.deliveries += 1;
          seen = item.order;
        }
        if (items.length < REPLAY_PAGE || !this.queue.isOpen) break;
      }
    } catch (error) {
      options.onError(error, 'live replay failed');
      const cause = error instanceof GraphQLError ? error : new GraphQLError('replay failed');
      this.queue.push(options.format({ errors: [cause] }));
      this.queue.finish();
      return;
    } finally {
      // The pipeline's end of operation: the replay only read, so it commits.
      const operation = getOperationAST(args.document, args.operationName);
      await endOperation(ctx, {
        operation,
        operationName: operation?.name?.value,
        variables: args.variableValues ?? undefined,
        failed: false,
      });
    }
    const buffered = this.buffer;
    this.buffer = null;
    this.seen = seen;
    for (const { result, payload } of buffered) this.deliver(result, payload);
  }
}
