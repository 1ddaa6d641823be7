import type { Principal } from '@hanjiang/authz';
import {
  type ExecutionArgs,
  type GraphQLSchema,
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
} from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import type { GatewayContext, Services } from '../context.js';
import { ErrorCode, publicError } from '../errors/public-error.js';
import type { DocumentCache } from '../graphql/document-cache.js';
import type { FanoutMember } from '../live/fanout-policy.js';
import { clientAddress } from '../pipeline/client-address.js';
import { auditIntegratorSubscription } from '../pipeline/integrator-audit.js';
import { routeReads } from '../pipeline/operation-context.js';
import { firstRefusal, type OperationPolicy } from '../pipeline/policies.js';
import { CloseCode } from './close-codes.js';
import type { SocketSession } from './socket-session.js';
import type { SocketExtra } from './ws-connect.js';

/** Who subscribes: the fan-out builds a context per event and group from it. */
export interface Member extends FanoutMember {
  readonly session: SocketSession | undefined;
}

/**
 * graphql-ws's onSubscribe: the pipeline's document and policy stages for a socket operation. graphql-ws skips
 * its own parse/validate when execution args are returned, so every check here is the one HTTP runs.
 */
export function subscribeHandler(o: {
  schema: GraphQLSchema;
  services: Services;
  documents: DocumentCache;
  operationPolicies: readonly OperationPolicy[];
  maxSubscriptionsPerSocket: number;
  createContext: (principal: Principal | null, socket?: SocketSession) => GatewayContext;
}) {
  return async (
    ctx: Context<Record<string, unknown>, SocketExtra>,
    _id: string,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> => {
    if (Object.keys(ctx.subscriptions).length > o.maxSubscriptionsPerSocket) {
      ctx.extra.socket.close(CloseCode.TooManyRequests, 'Too many subscriptions on this socket');
      return [publicError(ErrorCode.RATE_LIMITED)];
    }
    const checked = o.documents.check(payload.query);
    if (checked.errors) return checked.errors;
    const operation = getOperationAST(checked.document, payload.operationName);
    if (!operation) return [unresolvedOperation(payload.operationName)];
    const session = ctx.extra.session;
    const principal = session?.principal ?? null;
    const address = clientAddress(ctx.extra.request);
    const refusal = await firstRefusal(o.operationPolicies, {
      document: checked.document,
      operation,
      variables: payload.variables,
      principal,
      transport: 'ws',
      clientAddress: address,
    });
    if (refusal) return [refusal];
    // Subscriptions get who subscribes; others a context. Subscriptions read the primary (db/read-routing.ts):
    // their events follow a commit the replica may lag.
    let contextValue: Member | GatewayContext;
    if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
      auditIntegratorSubscription(
        o.services.audit,
        principal,
        checked.document,
        operation,
        payload.operationName,
        address,
      );
      contextValue = { principal, session };
    } else {
      contextValue = o.createContext(principal, session);
      await routeReads(contextValue, operation);
    }
    return {
      schema: o.schema,
      document: checked.document,
      variableValues: payload.variables ?? null,
      operationName: payload.operationName ?? null,
      contextValue,
    };
  };
}

/** Apollo's wording and code for the same mistake over HTTP, so both paths answer alike. */
function unresolvedOperation(name: string | null | undefined): GraphQLError {
  const message = name
    ? `Unknown operation named "${name}".`
    : 'Must provide operation name if query contains multiple operations.';
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
}
