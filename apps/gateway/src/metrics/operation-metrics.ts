import { Histogram, type Registry } from 'prom-client';

/** Operation kinds as GraphQL names them, plus the requests that never resolved to an operation. */
type Kind = 'query' | 'mutation' | 'subscription' | 'unresolved';
type Outcome = 'ok' | 'error';

/** Distinct operation names that get their own label per process; later names are counted as `other`. */
export const MAX_OPERATION_LABELS = 200;
const MAX_NAME_LENGTH = 64;

/** Seconds: small queries answer in a few ms, a roster import may take several seconds. */
const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Children of one operation name, bound once so a request's observe is a hash-free call. */
type Children = Record<Kind, Record<Outcome, Histogram.Internal<string>>>;

/**
 * Latency, rate and errors by operation, observed once per operation at the pipeline's stage "end the operation"
 * (pipeline/end-operation.ts), which every entry passes exactly once. The histogram's `_count` is the request
 * rate; `outcome="error"` the errors.
 *
 * Operation names are chosen by clients, so the label is bounded: anonymous operations are `anonymous`, names past
 * the first MAX_OPERATION_LABELS are `other`, and a request that never resolved to an operation (a parse or
 * validation failure) is `kind="unresolved"`. Per request, the only work beyond `observe` is one Map lookup.
 */
export class OperationMetrics {
  private readonly histogram: Histogram<'operation' | 'kind' | 'outcome'>;
  private readonly byName = new Map<string, Children>();

  constructor(registry: Registry) {
    this.histogram = new Histogram({
      name: 'hanjiang_graphql_operation_duration_seconds',
      help: 'GraphQL operations from authentication to the end of their transaction, by operation name, kind and outcome (subscriptions: one per event and fan-out group)',
      labelNames: ['operation', 'kind', 'outcome'],
      buckets: BUCKETS,
      registers: [registry],
    });
  }

  /** `startedAt` is a `performance.now()` reading taken when the operation arrived. */
  observe(name: string | null | undefined, kind: Kind, failed: boolean, startedAt: number): void {
    const seconds = (performance.now() - startedAt) / 1000;
    this.children(name)[kind][failed ? 'error' : 'ok'].observe(seconds);
  }

  private children(name: string | null | undefined): Children {
    const key = name ? name.slice(0, MAX_NAME_LENGTH) : 'anonymous';
    let children = this.byName.get(key);
    if (children) return children;
    if (this.byName.size >= MAX_OPERATION_LABELS) {
      children = this.byName.get('other') ?? this.bind('other');
      return children;
    }
    return this.bind(key);
  }

  private bind(label: string): Children {
    const kind = (k: Kind) => ({
      ok: this.histogram.labels(label, k, 'ok'),
      error: this.histogram.labels(label, k, 'error'),
    });
    const children: Children = {
      query: kind('query'),
      mutation: kind('mutation'),
      subscription: kind('subscription'),
      unresolved: kind('unresolved'),
    };
    this.byName.set(label, children);
    return children;
  }
}
