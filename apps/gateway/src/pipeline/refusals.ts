import type { ApolloServerPlugin } from '@apollo/server';
import type { Principal } from '@hanjiang/authz';
import type { GraphQLError, OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context.js';
import { refusalCode } from '../errors/format-error.js';
import type { AuditSink } from '../db/audit-records.js';
import { operationLabel } from './integrator-audit.js';

/** Who was refused, from where: what every entry knows when it refuses. */
export interface RefusalOrigin {
  readonly principal: Principal | null;
  readonly clientAddress: string | null | undefined;
  readonly requestId: string | null;
  readonly transport: 'http' | 'ws';
  readonly operation?: OperationDefinitionNode | null | undefined;
  readonly operationName?: string | null | undefined;
}

/**
 * Records a refusal before execution — a credential refused, a document over the limits, a policy (introspection,
 * socket writes, and whatever policies.ts gains: allow-lists, rate limits) — in the audit, coalesced per caller,
 * code and address (modules/audit/audit.refusals.ts). Apollo's protocol step for persisted queries
 * (PERSISTED_QUERY_NOT_FOUND: "send me the text") is not a refusal.
 */
export function recordRefusal(
  audit: AuditSink,
  origin: RefusalOrigin,
  error: { readonly message: string; readonly extensions?: Readonly<Record<string, unknown>> },
): void {
  if (error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') return;
  const code = refusalCode(error);
  if (!code) return;
  const { principal } = origin;
  audit.refused({
    actor: principal?.subject ?? 'anonymous',
    tenantKind: principal?.tenantKind ?? null,
    tenantCode: principal?.tenantCode ?? null,
    membership: principal?.membershipId ?? null,
    code,
    client: origin.clientAddress ?? null,
    requestId: origin.requestId,
    operation: origin.operation ? operationLabel(origin.operation, origin.operationName) : null,
    transport: origin.transport,
  });
}

/**
 * Apollo's side: an operation that ends with errors before execution started (parse, validation and armor's
 * limits, the policy list) is a refusal. The fast path leaves credential and policy refusals to Apollo and records
 * only the documents it answers itself (http/fast-path-refusal.ts), so each refusal is seen once.
 */
export function refusalAuditPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart() {
      let executed = false;
      return Promise.resolve({
        executionDidStart() {
          executed = true;
          return Promise.resolve();
        },
        didEncounterErrors({ contextValue, errors, operation, operationName }) {
          const first: GraphQLError | undefined = errors[0];
          if (executed || !first) return Promise.resolve();
          recordRefusal(
            contextValue.services.audit,
            {
              principal: contextValue.principal,
              clientAddress: contextValue.clientAddress,
              requestId: contextValue.requestId,
              transport: 'http',
              operation,
              operationName,
            },
            first,
          );
          return Promise.resolve();
        },
      });
    },
  };
}
