import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/**
 * GET /metrics, never public. On the gateway's own port it exists only when METRICS_TOKEN is set and then asks
 * for `Authorization: Bearer <token>`; on METRICS_PORT (a listener of its own, meant for the cluster network
 * only) it answers without a token unless METRICS_TOKEN is set, in which case the token is required there too.
 * Scraping reads gauges from their owners (pool, sockets, fan-out): nothing heavy, and no SQL.
 */
export function metricsHandler(registry: Registry, token: string | undefined, requireToken: boolean) {
  const expected = token ? digest(token) : null;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (requireToken && !expected) return plain(res, 404, 'not found\n');
    if (expected && !authorised(req.headers.authorization, expected)) {
      res.setHeader('www-authenticate', 'Bearer realm="metrics"');
      return plain(res, 401, 'unauthorised\n');
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      },
      () => plain(res, 500, 'metrics failed\n'),
    );
  };
}

/** The separate metrics listener (METRICS_PORT): /metrics only. */
export async function startMetricsServer(
  port: number,
  host: string,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/metrics') handler(req, res);
    else plain(res, 404, 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function authorised(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  // Digests of equal length, so the comparison's time says nothing about the token.
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function plain(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}
