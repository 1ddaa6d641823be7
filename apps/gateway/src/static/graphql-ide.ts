import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import { portalDist } from './portals.js';

/**
 * What the IDE page may load: only this gateway (its assets, its /graphql over HTTP and WebSocket), plus the
 * blob: and data: URLs Monaco makes for its workers and icons. A district network without internet then gets the
 * same page as everyone, and a stray external reference fails loudly in the browser console instead of hanging.
 */
const IDE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `GET /graphql` from a browser (it prefers text/html over JSON) answers the bundled GraphiQL (apps/graphiql)
 * instead of Apollo's landing page, which loads from a CDN. GraphQL GETs and POSTs from programs fall through.
 */
export function mountGraphqlIde(app: Express, appsDir?: string): void {
  const index = path.join(portalDist('graphiql', appsDir), 'index.html');
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html')
      return next();
    res.setHeader('cache-control', 'no-cache');
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('GraphQL 调试台尚未构建 / GraphQL IDE not built: run `pnpm build` (or pnpm install)\n');
      return;
    }
    res.setHeader('content-security-policy', IDE_CSP);
    res.sendFile(index);
  });
}
