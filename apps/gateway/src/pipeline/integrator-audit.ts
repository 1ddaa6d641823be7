import type { Principal } from '@hanjiang/authz';
import { ErrorCode } from '@hanjiang/domain';
import { type DocumentNode, Kind, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { AuditSink } from '../db/audit-records.js';
import { acceptedCost, countRows, documentHash } from '../graphql/operation-facts.js';

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));

/** What the operation answered, as much of it as the audit reads. */
export interface OperationAnswer {
  readonly document: DocumentNode;
  readonly data?: unknown;
  readonly errors?: readonly { readonly extensions?: Readonly<Record<string, unknown>> }[] | undefined;
  /** Rows the entry counted itself (an export download's streamed rows) instead of the answer's lists. */
  readonly rows?: number;
}

/**
 * The END_OPERATION stage's record of an integrator (API key) operation — key, operation name and document hash,
 * cost, rows returned, duration, outcome — over HTTP and WebSocket alike. It is only handed to the batched writer
 * (modules/audit/audit.writer.ts): nothing here waits for the database.
 */
export function auditIntegratorOperation(
  ctx: GatewayContext,
  operation: OperationDefinitionNode | null | undefined,
  operationName: string | null | undefined,
  variablesHash: string | null,
  answer: OperationAnswer,
): void {
  const principal = ctx.principal;
  if (principal?.kind !== 'apikey') return;
  const durationMs = performance.now() - ctx.startedAt;
  ctx.services.audit.record({
    at: new Date(),
    actor: principal.subject,
    membership: null,
    tenantKind: principal.tenantKind,
    tenantCode: principal.tenantCode,
    operation: operationLabel(operation, operationName),
    variablesHash,
    requestId: ctx.requestId,
    client: ctx.clientAddress ?? null,
    outcome: outcomeOf(answer.errors),
    detail: {
      kind: 'operation',
      operationType: operation?.operation ?? 'unknown',
      documentHash: documentHash(answer.document),
      cost: acceptedCost(answer.document),
      rows: answer.rows ?? countRows(answer.data),
      durationMs: Math.round(durationMs * 100) / 100,
      transport: ctx.socket ? 'ws' : 'http',
    },
  });
}

/**
 * A key's subscription, recorded when it starts: its events are executed once per fan-out group, shared by every
 * subscriber of the group (live/fanout-group.ts), so there is no per-key execution to time or count.
 */
export function auditIntegratorSubscription(
  audit: AuditSink,
  principal: Principal | null,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  operationName: string | null | undefined,
  clientAddress: string | null | undefined,
): void {
  if (principal?.kind !== 'apikey') return;
  audit.record({
    at: new Date(),
    actor: principal.subject,
    membership: null,
    tenantKind: principal.tenantKind,
    tenantCode: principal.tenantCode,
    operation: operationLabel(operation, operationName),
    variablesHash: null,
    requestId: null,
    client: clientAddress ?? null,
    outcome: 'ok',
    detail: {
      kind: 'operation',
      operationType: operation.operation,
      documentHash: documentHash(document),
      cost: acceptedCost(document),
      rows: 0,
      durationMs: null,
      transport: 'ws',
    },
  });
}

/** The operation's name, else its first field: what the audit log's `operation` column says. */
export function operationLabel(
  operation: OperationDefinitionNode | null | undefined,
  operationName: string | null | undefined,
): string {
  const name = operationName ?? operation?.name?.value;
  if (name) return name;
  const first = operation?.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.name.value : `anonymous ${operation?.operation ?? 'operation'}`;
}

/** 'ok', or the first error's public code (anything else was answered as INTERNAL_SERVER_ERROR). */
export function outcomeOf(errors: OperationAnswer['errors']): string {
  const first = errors?.[0];
  if (!first) return 'ok';
  const code = first.extensions?.code;
  return typeof code === 'string' && PUBLIC_CODES.has(code) ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}
