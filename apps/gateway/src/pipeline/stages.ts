/**
 * The operation pipeline, in order. Every entry passes these stages; each stage is written once, in the file named
 * here, and every entry calls that file (test/pipeline-matrix.test.ts covers every entry against every stage, and
 * fails when either list grows without the table growing with it).
 *
 * A stage that an entry cannot have says so in the matrix with its reason (e.g. a WebSocket operation has no HTTP
 * headers; its credential was checked once, when the socket was initialised).
 */
export const Stage = {
  /** Request id (echoed in `x-request-id`) and the request's logger: http/request-id.ts; ws: operation-context.ts. */
  IDENTIFY: 'identify',
  /** Bearer token or API key → principal: credentials/authenticate.ts (HTTP per request; WebSocket at connection_init). */
  AUTHENTICATE: 'authenticate',
  /** Parse, validate, limits (depth, cost, aliases, tokens, length), cached: graphql/document-cache.ts. */
  RESOLVE_DOCUMENT: 'resolve-document',
  /** Per-operation policies (NUL input, introspection per caller, socket mutations): pipeline/policies.ts. */
  POLICIES: 'policies',
  /** The tenant transaction under row-level security, loaders: pipeline/operation-context.ts. */
  OPEN_TRANSACTION: 'open-transaction',
  /** Compiled with graphql-jit where possible, graphql-js otherwise: graphql/jit-executor.ts. */
  EXECUTE: 'execute',
  /** Rollback on a failed write, the audit row, commit (a failed commit replaces the answer): end-operation.ts. */
  END_OPERATION: 'end-operation',
  /** Public codes and bilingual messages pass, anything else is masked and logged: errors/format-error.ts. */
  FORMAT_ERRORS: 'format-errors',
} as const;
export type Stage = (typeof Stage)[keyof typeof Stage];

/** How an operation reaches the gateway. */
export const Entry = {
  /** POST /graphql with a JSON body: the compiled fast path (http/fast-path.ts), Apollo for everything else. */
  HTTP_POST: 'http-post',
  /** POST /graphql asking for `application/graphql-response+json`: Apollo's content negotiation. */
  HTTP_POST_GRAPHQL_RESPONSE: 'http-post-graphql-response',
  /** GET /graphql?query=… (queries only). */
  HTTP_GET: 'http-get',
  /** Automatic persisted queries: the hash alone, once the text was registered. */
  PERSISTED_QUERY: 'persisted-query',
  /** A query or `renewSocketToken` over graphql-ws. */
  WS_SINGLE: 'ws-single',
  /** A subscription over graphql-ws (executed per event by the fan-out). */
  WS_SUBSCRIPTION: 'ws-subscription',
  /**
   * GET /exports/households (http/exports-route.ts): header credentials (judged by the policy list: rate limit,
   * cost budget, allow-lists) or a ticket from `exportHouseholds` (judged when that operation ran); a key's
   * download is audited with the rows streamed.
   */
  EXPORT_DOWNLOAD: 'export-download',
} as const;
export type Entry = (typeof Entry)[keyof typeof Entry];

export const STAGES: readonly Stage[] = Object.values(Stage);
export const ENTRIES: readonly Entry[] = Object.values(Entry);
