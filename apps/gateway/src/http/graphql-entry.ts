import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { ErrorCode } from '@hanjiang/domain';
import type { Readiness } from '../context.js';
import type { Logger } from '../logger.js';
import type { FastPath } from './fast-path.js';
import { writeJsonError } from './json-error.js';
import { identifyRequest } from './request-id.js';

/** JSON in UTF-8 (the default); another charset is left to body-parser, which decodes it. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset=utf-?8\s*)?$/i;

export interface GraphQLEntryOptions {
  /** Everything else: express (health, readiness, Apollo, imports). */
  app: RequestListener;
  fast: FastPath;
  readiness: Readiness;
  logger: Logger;
  /** The ordinary /graphql body limit; larger bodies (roster imports) go to express's own parsers. */
  maxBodyBytes: number;
}

/**
 * The HTTP server's request listener. An ordinary GraphQL POST — JSON with a declared length within the limit,
 * once the gateway is ready — is read and parsed here and, when the compiled fast path takes it, answered
 * without entering express at all: express's per-request routing, prototype swaps and body parsing were about a
 * quarter of a small query's CPU (docs/performance.md). Everything else, and every request the fast path leaves,
 * goes to express unchanged, with the parsed body attached (body-parser skips a request whose `_body` is set).
 */
export function graphqlEntry(options: GraphQLEntryOptions): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length']);
    if (
      req.method !== 'POST' ||
      req.url !== '/graphql' ||
      !PLAIN_JSON.test(req.headers['content-type'] ?? '') ||
      // Compressed bodies are express's (body-parser inflates them).
      (req.headers['content-encoding'] ?? 'identity').toLowerCase() !== 'identity' ||
      !(declared >= 0 && declared <= options.maxBodyBytes) ||
      !options.readiness.isReady()
    ) {
      options.app(req, res);
      return;
    }
    const identified = identifyRequest(req, res, options.logger);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('error', () => res.destroy());
    req.once('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        badJson(res);
        return;
      }
      const toExpress = () => {
        Object.assign(req, { body, _body: true });
        options.app(req, res);
      };
      if (!options.fast.tryHandle(body, identified, res, toExpress)) toExpress();
    });
  };
}

/** A body that is not JSON: 400 with the gateway's usual error shape (express's default would be HTML). */
function badJson(res: ServerResponse): void {
  writeJsonError(
    res,
    400,
    ErrorCode.BAD_USER_INPUT,
    { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
    'invalid_json',
  );
}
