import type { ApolloServerPlugin } from '@apollo/server';
import type { Principal } from '@hanjiang/authz';
import type { DocumentNode, GraphQLError, OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context.js';
import {
  asksForIntrospection,
  type ExposurePolicy,
  introspectionRefused,
} from '../graphql/schema-exposure.js';
import { documentHasNul, hasNul, nulInputError } from './nul-input.js';
import { refuseSocketMutation } from './socket-mutations.js';

/** A resolved operation and its caller, as every policy sees it, whatever the entry. */
export interface OperationUnderPolicy {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly variables: Readonly<Record<string, unknown>> | null | undefined;
  readonly principal: Principal | null;
  readonly transport: 'http' | 'ws';
}

/** A refusal (a GraphQLError with a public code, HTTP 400 where it applies) or null to let the operation go on. */
export type OperationPolicy = (operation: OperationUnderPolicy) => GraphQLError | null;

/**
 * THE list of per-operation policies, in order. Every entry applies exactly this list after the document is
 * resolved and before a transaction opens: the fast path (which leaves a refused operation to Apollo so the
 * refusal keeps Apollo's HTTP shape), Apollo (`policyPlugin`), and WebSocket (`onSubscribe`). A new policy — an
 * allow-list, a quota, a cost budget per key — is one more element here.
 */
export function operationPolicies(exposure: ExposurePolicy): readonly OperationPolicy[] {
  return [
    // PostgreSQL text cannot hold U+0000: refused for every input before anything runs.
    (op) => (hasNul(op.variables) || documentHasNul(op.document) ? nulInputError() : null),
    // Who may introspect depends on the caller.
    (op) =>
      !exposure(op.principal).introspection && asksForIntrospection(op.document)
        ? introspectionRefused()
        : null,
    // Writes go over HTTP, where they are audited like every other request's.
    (op) => (op.transport === 'ws' ? refuseSocketMutation(op.operation) : null),
  ];
}

export function firstRefusal(
  policies: readonly OperationPolicy[],
  operation: OperationUnderPolicy,
): GraphQLError | null {
  for (const policy of policies) {
    const refusal = policy(operation);
    if (refusal) return refusal;
  }
  return null;
}

/** Apollo's side: the same list, once its operation is resolved (the context, and so the caller, exists then). */
export function policyPlugin(policies: readonly OperationPolicy[]): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart({ contextValue }) {
      return Promise.resolve({
        didResolveOperation({ document, operation, request }) {
          // Apollo calls this hook only once the operation is known.
          if (!operation) return Promise.resolve();
          const refusal = firstRefusal(policies, {
            document,
            operation,
            variables: request.variables,
            principal: contextValue.principal,
            transport: 'http',
          });
          return refusal ? Promise.reject(refusal) : Promise.resolve();
        },
      });
    },
  };
}
