import {
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  GraphQLError,
  subscribe,
} from 'graphql';
import { FanoutGroup } from './fanout-group.js';
import { FanoutMember } from './fanout-member.js';
import { audienceKey, type FanoutMember as Subscriber, type FanoutOptions } from './fanout-policy.js';
import { stats } from './fanout-stats.js';
import { analyseOperation, argumentValue, variablesKey } from './live-document.js';

type Outcome = AsyncIterableIterator<FormattedExecutionResult | ExecutionResult> | FormattedExecutionResult;

/**
 * The multiplexing `subscribe` handed to graphql-ws `useServer` (graphql-ws itself stays unmodified). Work per
 * event is one execution per distinct group; a subscriber costs a map entry and a small queue.
 */
export class Fanout {
  private readonly groups = new Map<string, FanoutGroup>();
  /** Subscribers of operations without a fan-out policy, per field (read by /metrics). */
  private readonly privateCounts = new Map<string, number>();

  constructor(private readonly options: FanoutOptions) {}

  get groupCount(): number {
    return this.groups.size;
  }

  /** Subscribers per subscription field, summed over groups when scraped (never counted per event). */
  subscriptionsByField(): Map<string, number> {
    const counts = new Map(this.privateCounts);
    for (const group of this.groups.values()) {
      counts.set(group.field, (counts.get(group.field) ?? 0) + group.size);
    }
    return counts;
  }

  /** `args.contextValue` is the subscriber (see ws/ws-subscribe.ts), not a request context. */
  readonly subscribe = async (args: ExecutionArgs): Promise<Outcome> => {
    const subscriber = args.contextValue as Subscriber;
    const op = analyseOperation(args.document, args.operationName, this.options.policies);
    const policy = op.field ? this.options.policies[op.field] : undefined;
    if (!policy) return this.runPrivately(args, subscriber, op.field ?? 'unknown');

    let after: bigint | null = null;
    if (policy.replay) {
      const cursor = argumentValue(op, policy.replay.argument, args.variableValues);
      try {
        if (typeof cursor === 'string') after = policy.replay.orderOfCursor(cursor);
      } catch (error) {
        return this.options.format({ errors: [asGraphQLError(error)] });
      }
    }
    const key = [
      audienceKey(subscriber.principal, policy),
      args.operationName ?? '',
      variablesKey(args.variableValues, op.replayVariable),
      op.printed,
    ].join('\n');

    for (;;) {
      let group = this.groups.get(key);
      if (!group) {
        const opened: FanoutGroup = new FanoutGroup(
          { ...args, document: op.groupDocument, contextValue: undefined },
          subscriber.principal,
          op.field ?? 'unknown',
          policy,
          this.options,
          () => {
            if (this.groups.get(key) === opened) this.groups.delete(key);
          },
        );
        group = opened;
        this.groups.set(key, group);
      }
      const joined = await group.join();
      if (joined === null) continue; // closed while we waited: open a new one
      if (!(joined instanceof FanoutMember)) return joined;
      if (policy.replay && after !== null) {
        const ctx = this.options.createContext(subscriber.principal, subscriber);
        void joined.replay(policy.replay, after, args, ctx, this.options);
      }
      return joined.queue;
    }
  };

  /** Operations without a fan-out policy run per subscriber, as graphql-ws would by default. */
  private async runPrivately(args: ExecutionArgs, subscriber: Subscriber, field: string): Promise<Outcome> {
    stats.privateSubscriptions += 1;
    const ctx = this.options.createContext(subscriber.principal, subscriber);
    this.privateCounts.set(field, (this.privateCounts.get(field) ?? 0) + 1);
    const end = () => {
      const left = (this.privateCounts.get(field) ?? 1) - 1;
      if (left > 0) this.privateCounts.set(field, left);
      else this.privateCounts.delete(field);
      void ctx.tx.rollback().catch(() => undefined);
    };
    const result = await subscribe({ ...args, contextValue: ctx });
    if (!(Symbol.asyncIterator in result)) {
      end();
      return this.options.format(result);
    }
    return withCleanup(result, end);
  }
}

function asGraphQLError(error: unknown): GraphQLError {
  return error instanceof GraphQLError ? error : new GraphQLError(String(error));
}

/** The stream with `cleanup` run once when it ends or the client leaves. */
function withCleanup<T>(inner: AsyncGenerator<T>, cleanup: () => void): AsyncIterableIterator<T> {
  let done = false;
  const finish = () => {
    if (!done) cleanup();
    done = true;
  };
  return {
    async next() {
      const step = await inner.next();
      if (step.done) finish();
      return step;
    },
    async return() {
      finish();
      return inner.return(undefined);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
