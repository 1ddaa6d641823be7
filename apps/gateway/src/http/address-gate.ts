import type { IncomingMessage, RequestListener, Server } from 'node:http';
import { ErrorCode, errorMessages } from '@hanjiang/domain';
import type { Logger } from '../logger.js';
import type { AddressLimits } from '../pipeline/address-limits.js';

/** Probes answer whatever the load: a load balancer's health checks must not be refused. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * HTTP request start: one counter update per request (address-limits.ts) before anything else — the body is not
 * read, JSON not parsed, no document resolved. A refusal is 429 with Retry-After and RATE_LIMITED.
 */
export function gateRequests(limits: AddressLimits, logger: Logger, next: RequestListener): RequestListener {
  return (req, res) => {
    if (PROBES.has((req.url ?? '/').split('?', 1)[0]!)) {
      next(req, res);
      return;
    }
    limits.admit(req).then(
      (wait) => {
        if (wait === null) next(req, res);
        else {
          res.writeHead(429, {
            'content-type': 'application/json; charset=utf-8',
            'retry-after': String(wait),
            ...(drainable(req) ? {} : { connection: 'close' }),
          });
          res.end(rateLimitedBody(wait));
        }
      },
      (error: unknown) => {
        // A counter that cannot answer must not take the service down with it.
        logger.warn({ err: error }, 'address limit unavailable; request admitted');
        next(req, res);
      },
    );
  };
}

/** Node discards an unread body to keep the connection: cheap for a small one, not for megabytes or unknown sizes. */
const DRAINABLE_BYTES = 64 * 1024;

/**
 * Kept alive, a flooding client reuses its connection instead of costing an accept and a close per refusal; a
 * large or unsized body is not worth reading, so that connection closes.
 */
function drainable(req: IncomingMessage): boolean {
  if ('transfer-encoding' in req.headers) return false;
  return Number(req.headers['content-length'] ?? 0) <= DRAINABLE_BYTES;
}

/**
 * Connection accept: TCP connections open at once per peer (keep-alive connections, WebSockets, slow clients).
 * A trusted proxy's connections carry many clients and are not counted; their clients are limited per request.
 */
export function gateConnections(server: Server, limits: AddressLimits): void {
  server.on('connection', (socket) => {
    const peer = socket.remoteAddress ?? 'unknown';
    if (limits.isTrustedProxy(peer)) return;
    if (!limits.connections.acquire(peer)) {
      socket.on('error', () => undefined);
      const body = rateLimitedBody(1);
      socket.write(
        'HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: 1\r\n' +
          `Connection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        () => socket.destroy(),
      );
      return;
    }
    socket.once('close', () => limits.connections.release(peer));
  });
}

/** The gateway's one error shape, with the wait, as pipeline/rate-limits.ts words it for operations. */
export function rateLimitedBody(retryAfterSeconds: number): string {
  const message = errorMessages[ErrorCode.RATE_LIMITED];
  return JSON.stringify({
    errors: [
      {
        message: message.en,
        extensions: {
          code: ErrorCode.RATE_LIMITED,
          messageZh: message.zh,
          messageEn: message.en,
          retryAfterSeconds,
        },
      },
    ],
  });
}
