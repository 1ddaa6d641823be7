import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,100}$/;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
    }
  }
}

/** A request as the GraphQL entry and the request context see it: Node's own, with its id and logger. */
export type IdentifiedRequest = IncomingMessage & { id: string; log: Logger };

/**
 * Takes a well-formed `x-request-id` from the caller (or a load balancer) or makes one, and gives the request a
 * logger carrying it. Idempotent: the compiled entry does this before handing a request on to express.
 */
export function identifyRequest(
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
): IdentifiedRequest {
  const identified = req as IdentifiedRequest;
  if (typeof identified.id === 'string') return identified;
  const incoming = req.headers['x-request-id'];
  identified.id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
  // The child logger is made on first use: most requests never log (pino's child() is ~1 % of a board's CPU).
  let child: Logger | undefined;
  Object.defineProperty(req, 'log', {
    configurable: true,
    get: () => (child ??= logger.child({ requestId: identified.id })),
  });
  res.setHeader('x-request-id', identified.id);
  if (logger.isLevelEnabled('debug')) {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      identified.log.debug({ method: req.method, path: req.url, status: res.statusCode, ms }, 'request');
    });
  }
  return identified;
}

/** Express's side of identifyRequest: every request, logged once at debug level. */
export function requestIdMiddleware(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    identifyRequest(req, res, logger);
    next();
  };
}
