import type { ServerResponse } from 'node:http';
import { ErrorCode, errorMessages } from '@hanjiang/domain';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  type FormattedExecutionResult,
  getOperationAST,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  OperationTypeNode,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from '../context.js';
import type { DocumentCache } from '../graphql/document-cache.js';
import { asGraphQLError } from '../graphql/jit-executor.js';
import { asksForIntrospection } from '../graphql/schema-exposure.js';
import { documentHasNul, hasNul } from './nul-input.js';
import { endOperation, statsExtensions } from './operation-end.js';
import type { IdentifiedRequest } from './request-id.js';

interface Plan {
  readonly compiled: CompiledQuery;
  readonly operation: OperationDefinitionNode;
}

export interface FastPathOptions {
  schema: GraphQLSchema;
  /** The same parse options and validation rules (armor's limits included) as Apollo and the WebSocket path. */
  documents: DocumentCache;
  createContext(req: IdentifiedRequest, res: ServerResponse): Promise<GatewayContext>;
  /** The formatter Apollo uses (public codes pass, everything else is masked and logged). */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  exposeSqlStats: boolean;
}

/**
 * The hot path for ordinary queries and mutations: a POSTed JSON request whose document is valid runs as a
 * graphql-jit compiled query (compiled once per text and operation) and is answered as compact JSON, without
 * Apollo's per-request pipeline. The per-request work that matters is shared with Apollo, so both paths agree:
 * the same document checks, context (authentication, transaction under RLS), error formatter, and end of
 * operation (rollback on error, audit row, commit). docs/performance.md has what it saved.
 *
 * Everything else — GET, batches, persisted-query extensions, unusual Accept headers, a document that does not
 * parse or validate, introspection (Apollo applies the schema-exposure rule), subscriptions, a bad credential, variables that do not
 * coerce — goes on to Apollo unchanged, before anything has run, so every error keeps Apollo's exact shape.
 */
export class FastPath {
  private readonly plans = new LRUCache<string, Plan | false>({ max: 2_000 });

  constructor(private readonly options: FastPathOptions) {}

  /**
   * Takes the request when its parsed body is one this path answers (true), else leaves it untouched (false).
   * Once taken, `fallback` may still be called — before anything ran — to let Apollo answer after all.
   */
  tryHandle(body: unknown, req: IdentifiedRequest, res: ServerResponse, fallback: () => void): boolean {
    if (req.method !== 'POST' || !isPlainRequest(body) || !acceptsJson(req.headers.accept)) return false;
    const plan = this.planFor(body.query, body.operationName ?? undefined);
    // Apollo refuses NUL characters in inputs (nul-input.ts) with its 400 request-error shape.
    if (!plan || hasNul(body.variables)) return false;
    run(this.options, plan, body.variables ?? undefined, req, res, fallback).catch((error: unknown) => {
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

  private planFor(query: string, operationName: string | undefined): Plan | false {
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
  let ctx: GatewayContext;
  try {
    ctx = await options.createContext(req, res);
  } catch {
    // A refused credential: Apollo authenticates again and answers with its own error.
    return fallback();
  }
  const result = await plan.compiled.query(undefined, ctx, variables ?? {});
  if (result.errors?.length && result.data === undefined) {
    // Variables refused before anything ran (see jit-executor): Apollo answers, graphql-js decides.
    await ctx.tx.rollback();
    return fallback();
  }
  const errors = result.errors?.map((error) => {
    const wrapped = asGraphQLError(error);
    return options.formatError(wrapped.toJSON(), wrapped);
  });
  const end = await endOperation(ctx, {
    operation: plan.operation,
    operationName: plan.operation.name?.value,
    variables,
    failed: Boolean(errors?.length),
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

function makePlan(options: FastPathOptions, query: string, operationName: string | undefined): Plan | false {
  const checked = options.documents.check(query);
  if (checked.errors) return false;
  const operation = getOperationAST(checked.document, operationName);
  if (!operation || operation.operation === OperationTypeNode.SUBSCRIPTION) return false;
  // Who may introspect depends on the caller (graphql/schema-exposure.ts): Apollo's path decides it.
  if (asksForIntrospection(checked.document)) return false;
  if (documentHasNul(checked.document)) return false;
  const compiled = compileQuery(options.schema, checked.document, operationName);
  return isCompiledQuery(compiled) ? { compiled, operation } : false;
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
