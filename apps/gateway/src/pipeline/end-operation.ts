import { createHash } from 'node:crypto';
import { ErrorCode, errorMessages } from '@hanjiang/domain';
import type { FormattedExecutionResult, OperationDefinitionNode } from 'graphql';
import { Kind, OperationTypeNode } from 'graphql';
import pg from 'pg';
import type { GatewayContext } from '../context.js';
import { mapDatabaseError } from '../errors/database-errors.js';
import { auditIntegratorOperation, type OperationAnswer } from './integrator-audit.js';

export interface OperationOutcome {
  readonly operation: OperationDefinitionNode | null | undefined;
  readonly operationName: string | null | undefined;
  readonly variables: Record<string, unknown> | undefined;
  /** True when the response carries any error. */
  readonly failed: boolean;
  /**
   * The answer of a single operation (not a subscription's per-event execution): an API key's operation is then
   * recorded in the integrator audit.
   */
  readonly answer?: OperationAnswer;
}

export interface OperationEnd {
  /** Replaces the response when the commit failed. */
  readonly replacement: FormattedExecutionResult | null;
  /** Statements sent, BEGIN…settings and COMMIT included: what the database actually received. */
  readonly sqlStatements: number;
  /** Epoch ms (fractional) just before COMMIT was sent: the bench's fan-out latencies start here. */
  readonly commitStartedAt: number | null;
}

/** The development-only response extensions (EXPOSE_SQL_STATS) for the N+1 tests and the bench. */
export function statsExtensions(end: OperationEnd): Record<string, number> {
  return {
    sqlStatements: end.sqlStatements,
    ...(end.commitStartedAt === null ? {} : { commitStartedAt: end.commitStartedAt }),
  };
}

/**
 * Ends an operation's transaction before its response leaves — one rule for Apollo's pipeline and the compiled
 * fast path: a mutation with any error rolls back whole; a successful one appends its audit row (hash-chained,
 * in the same transaction) and commits. If the commit fails the client gets an error, never a success that was
 * not stored: the returned result replaces the response.
 */
export async function endOperation(ctx: GatewayContext, outcome: OperationOutcome): Promise<OperationEnd> {
  const end = await finish(ctx, outcome);
  // Every entry passes this stage exactly once per operation: the one place its latency and outcome are counted.
  ctx.services.operationMetrics.observe(
    outcome.operationName,
    outcome.operation?.operation ?? 'unresolved',
    outcome.failed || end.replacement !== null,
    ctx.startedAt,
  );
  return end;
}

async function finish(ctx: GatewayContext, outcome: OperationOutcome): Promise<OperationEnd> {
  const { tx } = ctx;
  const mutation = outcome.operation?.operation === OperationTypeNode.MUTATION;
  const counted = () => tx.statements + (tx.started ? 1 : 0);
  if (mutation && outcome.failed) {
    await tx.rollback();
    audited(ctx, outcome, null);
    return { replacement: null, sqlStatements: counted(), commitStartedAt: null };
  }
  try {
    // The audit row rides in COMMIT's round trip (values as escaped literals): one round trip fewer per write.
    // Sign-ins are audited by the sign-in itself (naming who signed in, or the username tried): auth.service.ts.
    const audit =
      mutation && !onlyLogin(outcome.operation)
        ? `SELECT app.append_audit(${[
            outcome.operationName ?? firstField(outcome.operation) ?? 'anonymous mutation',
            hashVariables(outcome.variables),
            ctx.requestId,
            ctx.clientAddress ?? null,
            'ok',
            ctx.principal?.membershipId ?? null,
          ]
            .map(literal)
            .join(', ')})`
        : undefined;
    const commitStartedAt = performance.timeOrigin + performance.now();
    await tx.commit(audit);
    // Read your writes: this caller's next queries read the primary until the replica has surely replayed this.
    if (mutation && ctx.principal) await ctx.services.reads.wrote(ctx.principal.subject);
    audited(ctx, outcome, null);
    return { replacement: null, sqlStatements: tx.statements, commitStartedAt };
  } catch (error) {
    ctx.logger.error({ err: error }, 'commit failed');
    await tx.rollback().catch(() => undefined);
    // A busy database (no connection in time, a statement cancelled) is said as such; anything else is internal.
    const busy = mapDatabaseError(error);
    const code = busy?.code === ErrorCode.SERVICE_UNAVAILABLE ? busy.code : ErrorCode.INTERNAL_SERVER_ERROR;
    const message = busy && code === busy.code ? busy.message : errorMessages[code];
    const replacement: FormattedExecutionResult = {
      data: null,
      errors: [{ message: message.en, extensions: { code, messageZh: message.zh, messageEn: message.en } }],
    };
    audited(ctx, outcome, replacement);
    return { replacement, sqlStatements: counted(), commitStartedAt: null };
  }
}

/** The integrator audit of what the client is answered (a failed commit's replacement included). */
function audited(
  ctx: GatewayContext,
  outcome: OperationOutcome,
  replacement: FormattedExecutionResult | null,
) {
  if (!outcome.answer || ctx.principal?.kind !== 'apikey') return;
  const answer = replacement
    ? { document: outcome.answer.document, data: null, errors: replacement.errors }
    : outcome.answer;
  auditIntegratorOperation(
    ctx,
    outcome.operation,
    outcome.operationName,
    hashVariables(outcome.variables),
    answer,
  );
}

/** A mutation whose every root field is `login`. */
function onlyLogin(operation: OperationDefinitionNode | null | undefined): boolean {
  const fields = operation?.selectionSet.selections ?? [];
  return fields.length > 0 && fields.every((f) => f.kind === Kind.FIELD && f.name.value === 'login');
}

function literal(value: string | null): string {
  return value === null ? 'NULL' : pg.escapeLiteral(value);
}

function firstField(operation: OperationDefinitionNode | null | undefined): string | undefined {
  const first = operation?.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.name.value : undefined;
}

/** Variables are not stored (they carry personal data); their hash ties an audit row to a request. */
function hashVariables(variables: Record<string, unknown> | undefined): string | null {
  if (!variables) return null;
  const { password: _drop, ...rest } = variables;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}
