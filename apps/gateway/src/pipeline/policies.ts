import type { ApolloServerPlugin } from '@apollo/server';
import { mayWrite, type Principal } from '@hanjiang/authz';
import {
  type DocumentNode,
  type GraphQLError,
  type OperationDefinitionNode,
  OperationTypeNode,
} from 'graphql';
import type { GatewayContext } from '../context.js';
import {
  asksForIntrospection,
  type ExposurePolicy,
  introspectionRefused,
} from '../graphql/schema-exposure.js';
import { ErrorCode, publicError } from '../errors/public-error.js';
import { documentHasNul, hasNul, nulInputError } from './nul-input.js';
import { refuseSocketMutation } from './socket-mutations.js';

/** A resolved operation and its caller, as every policy sees it, whatever the entry. */
export interface OperationUnderPolicy {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly variables: Readonly<Record<string, unknown>> | null | undefined;
  readonly principal: Principal | null;
  readonly transport: 'http' | 'ws';
  /** The client's address (pipeline/client-address.ts): anonymous callers are counted by it. */
  readonly clientAddress: string | null | undefined;
}

type Verdict = GraphQLError | null;

/**
 * A refusal (a GraphQLError with a public code; its `http` extension gives the HTTP status) or null to let the
 * operation go on — at once, or as a promise for policies that count or look something up (rate limits,
 * allow-lists). Synchronous policies stay synchronous: the list awaits only what needs awaiting.
 */
export type OperationPolicy = (operation: OperationUnderPolicy) => Verdict | Promise<Verdict>;

/** The policies that need the gateway's own state (counters, lookups): built in server.ts. */
export interface StatefulPolicies {
  /** Request rate and cost budget per key, per user and per anonymous address (pipeline/rate-limits.ts). */
  readonly budgets: OperationPolicy;
  /** Allow-list keys run only their registered operations (pipeline/allow-list.ts). */
  readonly allowList: OperationPolicy;
}

/**
 * THE list of per-operation policies, in order. Every entry applies exactly this list after the document is
 * resolved and before a transaction opens: the fast path (which leaves a refused operation to Apollo so the
 * refusal keeps Apollo's HTTP shape), Apollo (`policyPlugin`), and WebSocket (`onSubscribe`). A new policy — an
 * allow-list, a quota, a cost budget per key — is one more element here.
 */
export function operationPolicies(
  exposure: ExposurePolicy,
  stateful: StatefulPolicies,
): readonly OperationPolicy[] {
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
    // An API key is read-only unless granted `write` (packages/authz, mayWrite); people are judged per action.
    (op) =>
      op.operation.operation === OperationTypeNode.MUTATION &&
      op.principal?.kind === 'apikey' &&
      !mayWrite(op.principal)
        ? readOnlyKey()
        : null,
    // Counted before the allow-list's lookup, so a flood of refused operations is itself limited.
    stateful.budgets,
    stateful.allowList,
  ];
}

export async function firstRefusal(
  policies: readonly OperationPolicy[],
  operation: OperationUnderPolicy,
): Promise<GraphQLError | null> {
  for (const policy of policies) {
    const verdict = policy(operation);
    const refusal = verdict instanceof Promise ? await verdict : verdict;
    if (refusal) return refusal;
  }
  return null;
}

const leftToApollo = new WeakMap<object, GraphQLError>();

/**
 * The fast path applied the list and leaves the refusal to Apollo (for its HTTP shape): Apollo's context picks it
 * up (createRequestContext), and policyPlugin answers with it instead of applying the list a second time.
 */
export function leaveRefusal(request: object, refusal: GraphQLError): void {
  leftToApollo.set(request, refusal);
}

export function refusalLeftFor(request: object): GraphQLError | undefined {
  return leftToApollo.get(request);
}

function readOnlyKey(): GraphQLError {
  return publicError(
    ErrorCode.FORBIDDEN,
    {
      zh: '此接口密钥为只读:未授予写入权限(write)',
      en: 'This API key is read-only: it has no write scope',
    },
    { http: { status: 403 } },
  );
}

/** Apollo's side: the same list, once its operation is resolved (the context, and so the caller, exists then). */
export function policyPlugin(policies: readonly OperationPolicy[]): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart({ contextValue }) {
      return Promise.resolve({
        async didResolveOperation({ document, operation, request }) {
          // Apollo calls this hook only once the operation is known.
          if (!operation) return;
          // The fast path already applied the list to this request and left its refusal to Apollo: not twice
          // (a counting policy would charge the request again).
          const refusal =
            contextValue.policyRefusal ??
            (await firstRefusal(policies, {
              document,
              operation,
              variables: request.variables,
              principal: contextValue.principal,
              transport: 'http',
              clientAddress: contextValue.clientAddress,
            }));
          if (refusal) throw refusal;
        },
      });
    },
  };
}
