import type { ServerResponse } from 'node:http';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context.js';
import { type ExposurePolicy, withoutSuggestions } from '../graphql/schema-exposure.js';
import { endOperation, statsExtensions } from '../pipeline/end-operation.js';
import { recordRefusal } from '../pipeline/refusals.js';
import type { IdentifiedRequest } from './request-id.js';

/** A text the document stage refused (it does not parse, validate or keep within the limits), as it refused it. */
export interface Refused {
  readonly refused: readonly GraphQLError[];
}

/** The shared stages a refusal passes; the fast path's options (fast-path.ts) carry them. */
export interface RefusalStages {
  createContext(req: IdentifiedRequest, res: ServerResponse): Promise<GatewayContext>;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  exposure: ExposurePolicy;
  exposeSqlStats: boolean;
}

/**
 * Answers a document the shared cache refused as Apollo would (fast-path.ts says why here), through the stages it
 * passes there: authenticate, the refusal audit, the end of the operation (nothing to commit; counted as an
 * unresolved operation), format — 400 with the cache's errors through the one formatter, "Did you mean" hints
 * stripped unless the caller may see them — without Apollo parsing and validating it again.
 */
export async function answerRefused(
  options: RefusalStages,
  plan: Refused,
  req: IdentifiedRequest,
  res: ServerResponse,
  fallback: () => void,
): Promise<void> {
  const ctx = await contextOrHandOn(options, req, res, fallback);
  if (!ctx) return;
  const end = await endOperation(ctx, {
    operation: null,
    operationName: null,
    variables: undefined,
    failed: true,
  });
  const { principal } = ctx;
  const [first] = plan.refused;
  if (first) {
    const origin = {
      principal,
      clientAddress: ctx.clientAddress,
      requestId: ctx.requestId,
      transport: 'http' as const,
    };
    recordRefusal(ctx.services.audit, origin, first);
  }
  const hints = options.exposure(principal).suggestions;
  const errors = plan.refused.map((error) => {
    const formatted = options.formatError(error.toJSON(), error);
    return hints ? formatted : withoutSuggestions(formatted);
  });
  if (res.headersSent || res.destroyed) return;
  res.statusCode = 400;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(
    JSON.stringify({ errors, ...(options.exposeSqlStats ? { extensions: statsExtensions(end) } : {}) }),
  );
}

/**
 * The fast path's stage "authenticate": the operation's context, or — for a refused credential — null after handing
 * the request to Apollo, which authenticates again and answers with its own error.
 */
export async function contextOrHandOn(
  options: Pick<RefusalStages, 'createContext'>,
  req: IdentifiedRequest,
  res: ServerResponse,
  handOn: () => void,
): Promise<GatewayContext | null> {
  try {
    return await options.createContext(req, res);
  } catch {
    handOn();
    return null;
  }
}
