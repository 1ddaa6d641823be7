/**
 * What the batched audit writes: one row of the hash-chained log (hash version 3, with details). The fields are
 * the log's columns; `detail` is what each kind of row adds — an integrator operation's document hash, cost,
 * rows and duration; a refusal's count; a failed sign-in's username.
 */
export interface AuditRecord {
  readonly at: Date;
  /** Who: a username, `apikey:<id>`, or 'anonymous'. */
  readonly actor: string;
  readonly membership: string | null;
  readonly tenantKind: string | null;
  readonly tenantCode: string | null;
  readonly operation: string;
  readonly variablesHash: string | null;
  readonly requestId: string | null;
  readonly client: string | null;
  /** 'ok' or a public error code. */
  readonly outcome: string;
  readonly detail: AuditDetail;
}

export type AuditDetail =
  | {
      readonly kind: 'operation';
      readonly operationType: string;
      readonly documentHash: string;
      readonly cost: number | null;
      readonly rows: number;
      /** Null for a subscription, recorded when it starts (its events are executed once per group, not per key). */
      readonly durationMs: number | null;
      readonly transport: 'http' | 'ws';
    }
  | {
      readonly kind: 'refusal';
      readonly count: number;
      readonly firstAt: string;
      readonly lastAt: string;
      readonly transport: 'http' | 'ws';
    }
  | { readonly kind: 'login'; readonly username: string };

/** Where the gateway hands audit rows; the writer (audit.writer.ts) batches them. */
export interface AuditSink {
  record(record: AuditRecord): void;
  /** A refusal before execution: coalesced per caller, code and address (audit.refusals.ts). */
  refused(refusal: Refusal): void;
}

export interface Refusal {
  readonly actor: string;
  readonly tenantKind: string | null;
  readonly tenantCode: string | null;
  readonly membership: string | null;
  readonly code: string;
  readonly client: string | null;
  readonly requestId: string | null;
  /** The operation's name or first field, when the refusal came after the document was read. */
  readonly operation: string | null;
  readonly transport: 'http' | 'ws';
}

/** A sink that drops everything: for contexts built outside a gateway (unit tests, scripts). */
export const NO_AUDIT: AuditSink = {
  record: () => undefined,
  refused: () => undefined,
};
