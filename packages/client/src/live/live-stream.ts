import { backoffDelay } from './backoff.js';
import {
  type ExecutionResultLike,
  type LiveTransport,
  realTimers,
  type SubscribePayload,
  type Timers,
} from './transport.js';

export interface LiveStreamOptions<TData> {
  readonly transport: LiveTransport;
  readonly query: string;
  /** Read at every (re)subscription, so a stream can resume from where it was (e.g. the last cursor seen). */
  readonly variables?: () => Record<string, unknown> | undefined;
  readonly onData: (data: TData) => void;
  /** GraphQL errors in a result (the stream goes on; a refused subscription is retried with back-off). */
  readonly onError?: (errors: ExecutionResultLike<TData>['errors']) => void;
  /** Called with the delay before each resubscription. */
  readonly onRetry?: (delayMs: number, attempt: number) => void;
  readonly backoff?: (attempt: number) => number;
  readonly timers?: Timers;
}

export interface LiveStream {
  stop(): void;
}

/**
 * One subscription that never gives up: when the socket closes, the gateway restarts or the subscription is
 * refused, it subscribes again after a growing, jittered delay, with variables read afresh. Streams that send
 * their current value first (boards, the gauge) thereby resync by themselves after an outage. The attempt count
 * resets once data flows again.
 */
export function startLiveStream<TData>(options: LiveStreamOptions<TData>): LiveStream {
  const timers = options.timers ?? realTimers;
  const backoff = options.backoff ?? ((attempt: number) => backoffDelay(attempt));
  let stopped = false;
  let attempt = 0;
  let unsubscribe: (() => void) | null = null;
  let timer: unknown = null;
  /** The subscription now in force: callbacks of any other (a replaced one) are ignored. */
  let live: object | null = null;

  // Called only from the callbacks of the subscription in force, so never after stop().
  const retry = () => {
    unsubscribe = null;
    const delay = backoff(attempt);
    options.onRetry?.(delay, attempt);
    attempt += 1;
    timer = timers.setTimeout(() => {
      timer = null;
      subscribe();
    }, delay);
  };

  const subscribe = () => {
    // A stop() from inside onRetry comes before the timer is set, so the timer may still fire.
    if (stopped) return;
    const mine = {};
    live = mine;
    const payload: SubscribePayload = { query: options.query, variables: options.variables?.() };
    // Callbacks of a subscription that was replaced are ignored: only the current one may retry or deliver.
    const current = () => !stopped && live === mine;
    unsubscribe = options.transport.subscribe<TData>(payload, {
      next(result) {
        if (!current()) return;
        if (result.errors?.length) {
          options.onError?.(result.errors);
          return;
        }
        if (result.data != null) {
          attempt = 0;
          options.onData(result.data);
        }
      },
      error() {
        if (current()) retry();
      },
      complete() {
        // The server never completes these streams on its own: a completion means the socket went away.
        if (current()) retry();
      },
    });
  };

  subscribe();
  return {
    stop() {
      stopped = true;
      timers.clearTimeout(timer);
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
