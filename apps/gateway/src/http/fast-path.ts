import type { ServerResponse } from 'node:http';
import { ErrorCode, errorMessages } from '@hanjiang/domain';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  type DocumentNode,
  type FormattedExecutionResult,
  getOperationAST,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  OperationTypeNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from '../context.js';
import type { DocumentCache } from '../graphql/document-cache.js';
import type { OperationExecutor } from '../graphql/jit-executor.js';
import type { ExposurePolicy } from '../graphql/schema-exposure.js';
import { endOperation, statsExtensions } from '../pipeline/end-operation.js';
import { routeReads } from '../pipeline/operation-context.js';
import { firstRefusal, leaveRefusal, type OperationPolicy } from '../pipeline/policies.js';
import { answerRefused, contextOrHandOn, type Refused } from './fast-path-refusal.js';
import type { IdentifiedRequest } from './request-id.js';

interface Plan {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
}

export interface FastPathOptions {
  /** The stage "resolve the document": the one cache the WebSocket entry uses too. */
  documents: DocumentCache;
  /** The stage "policies": the list Apollo and WebSocket apply too (pipeline/policies.ts). */
  policies: readonly OperationPolicy[];
  /** The stage "execute": the executor Apollo and WebSocket use too. */
  executor: OperationExecutor;
  createContext(req: IdentifiedRequest, res: ServerResponse): Promise<GatewayContext>;
  /** The formatter Apollo uses (public codes pass, everything else is masked and logged). */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Who may see "Did you mean" hints (graphql/schema-exposure.ts), as Apollo's plugin asks. */
  exposure: ExposurePolicy;
  exposeSqlStats: boolean;
}

/**
 * The HTTP POST entry's fast route: the same stages as every other entry (pipeline/stages.ts) — the shared document
 * cache, authentication and the operation's context, the shared policy list, the shared executor, the shared end of
 * operation, the shared error formatter — answered as compact JSON without express or Apollo's per-request
 * machinery (docs/performance.md has what that saved).
 *
 * It takes only plain POSTed JSON asking for application/json. Everything else — GET, batches, persisted-query
 * extensions, other Accept headers, subscriptions, a bad credential, a refused operation, variables that do not
 * coerce — goes on to Apollo before anything has run, so those answers keep Apollo's HTTP shapes (status codes,
 * content negotiation, wording) and pass the same stages there.
 *
 * A document the shared cache refused is answered here, from the cache's errors, in Apollo's shape (400, the
 * same formatter, suggestions stripped by the same rule, the same refusal audit): Apollo would parse and validate
 * the text again on every request — its store keeps only valid documents — and a bomb's validation is quadratic
 * in its fields, so a few hundred of them held every other request back (fault-hostile-volume.test.ts).
 */
export class FastPath {
  private readonly plans = new LRUCache<string, Plan | Refused | false>({ max: 2_000 });
  /**
   * Requests this path already took and handed on (`fallback`): express's copy of the path (`middleware`) must
   * leave them to Apollo, or the policies would run — and counting ones charge — a second time.
   */
  private readonly handedOn = new WeakSet<object>();

  constructor(private readonly options: FastPathOptions) {}

  /**
   * Takes the request when its parsed body is one this path answers (true), else leaves it untouched (false).
   * Once taken, `fallback` may still be called — before anything ran — to let Apollo answer after all.
   */
  tryHandle(body: unknown, req: IdentifiedRequest, res: ServerResponse, fallback: () => void): boolean {
    if (req.method !== 'POST' || !isPlainRequest(body) || !acceptsJson(req.headers.accept)) return false;
    if (this.handedOn.has(req)) return false;
    const plan = this.planFor(body.query, body.operationName ?? undefined);
    if (!plan) return false;
    const handOn = () => {
      this.handedOn.add(req);
      fallback();
    };
    const answered =
      'refused' in plan
        ? answerRefused(this.options, plan, req, res, handOn)
        : run(this.options, plan, body.variables ?? undefined, req, res, handOn);
    answered.catch((error: unknown) => {
      req.log.error({ err: error }, 'fast path failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [internalError()] }));
    });
    return true;
  }

  /** The same inside express, for requests the entry in front of express left to it (e.g. chunked bodies). */
  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      if (!this.tryHandle(req.body, req, res, () => next())) next();
    };
  }

  private planFor(query: string, operationName: string | undefined): Plan | Refused | false {
    const key = `${operationName ?? ''}\n${query}`;
    let plan = this.plans.get(key);
    if (plan === undefined) {
      plan = makePlan(this.options, query, operationName);
      this.plans.set(key, plan);
    }
    return plan;
  }
}

async function run(
  options: FastPathOptions,
  plan: Plan,
  variables: Record<string, unknown> | undefined,
  req: IdentifiedRequest,
  res: ServerResponse,
  fallback: () => void,
): Promise<void> {
  const ctx = await contextOrHandOn(options, req, res, fallback);
  if (!ctx) return;
  const refusal = await firstRefusal(options.policies, {
    document: plan.document,
    operation: plan.operation,
    variables,
    principal: ctx.principal,
    transport: 'http',
    clientAddress: ctx.clientAddress,
  });
  // A refused operation is answered by Apollo, which gives the refusal its HTTP shape (status, headers).
  if (refusal) {
    await ctx.tx.rollback();
    leaveRefusal(req, refusal);
    return fallback();
  }
  await routeReads(ctx, plan.operation);
  const result = await options.executor.execute({
    document: plan.document,
    operationName: plan.operation.name?.value,
    contextValue: ctx,
    variableValues: variables,
  });
  if (result.errors?.length && result.data === undefined) {
    // Variables refused before anything ran: Apollo answers them with its 400 request-error shape.
    await ctx.tx.rollback();
    return fallback();
  }
  const errors = result.errors?.map((error) => options.formatError(error.toJSON(), error));
  const end = await endOperation(ctx, {
    operation: plan.operation,
    operationName: plan.operation.name?.value,
    variables,
    failed: Boolean(errors?.length),
    answer: { document: plan.document, data: result.data, errors },
  });
  const response: FormattedExecutionResult = end.replacement ?? {
    ...(errors?.length ? { errors } : {}),
    data: result.data,
    ...(options.exposeSqlStats ? { extensions: statsExtensions(end) } : {}),
  };
  if (res.headersSent || res.destroyed) return;
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(response));
}

function makePlan(
  options: FastPathOptions,
  query: string,
  operationName: string | undefined,
): Plan | Refused | false {
  const checked = options.documents.check(query);
  if (checked.errors) return { refused: checked.errors };
  const operation = getOperationAST(checked.document, operationName);
  if (!operation || operation.operation === OperationTypeNode.SUBSCRIPTION) return false;
  return { document: checked.document, operation };
}

interface PlainRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

function isPlainRequest(body: unknown): body is PlainRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { query, operationName, variables, extensions, ...rest } = body as Record<string, unknown>;
  return (
    typeof query === 'string' &&
    (operationName === undefined || operationName === null || typeof operationName === 'string') &&
    (variables === undefined ||
      variables === null ||
      (typeof variables === 'object' && !Array.isArray(variables))) &&
    extensions === undefined &&
    Object.keys(rest).length === 0
  );
}

/** Apollo would pick application/json for these; anything else (graphql-response+json, multipart) goes to it. */
function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return !/graphql-response|multipart/i.test(accept) && /application\/json|\*\/\*/i.test(accept);
}

function internalError(): GraphQLFormattedError {
  const message = errorMessages[ErrorCode.INTERNAL_SERVER_ERROR];
  return {
    message: message.en,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageZh: message.zh, messageEn: message.en },
  };
}
