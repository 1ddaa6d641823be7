import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

/** The front-end apps the gateway serves from their Vite builds (apps/<app>/dist), each under its own path. */
export const PORTALS = [
  { app: 'screen', path: '/screen/', titleZh: '大屏', titleEn: 'big screen' },
  { app: 'township', path: '/portal/township/', titleZh: '乡镇', titleEn: 'township portal' },
  { app: 'hq', path: '/portal/hq/', titleZh: '指挥部', titleEn: 'HQ portal' },
  { app: 'district', path: '/district/', titleZh: '区级督查', titleEn: 'district console' },
  // The GraphQL IDE; browsers also get it at GET /graphql (static/graphql-ide.ts).
  { app: 'graphiql', path: '/graphiql/', titleZh: '调试台', titleEn: 'GraphQL IDE' },
] as const;

const APPS_DIR = fileURLToPath(new URL('../../../', import.meta.url));

export function portalDist(app: string, appsDir: string = APPS_DIR): string {
  return path.join(appsDir, app, 'dist');
}

/**
 * Mounts every built app: hashed assets cached for a year, index.html never cached (so a new build reaches screens
 * on their next reload), and unknown paths under an app answered with its index.html. An app that was not built
 * answers 503 with how to build it instead of Apollo's landing page.
 */
export function mountPortals(app: Express, appsDir: string = APPS_DIR): void {
  for (const portal of PORTALS) {
    const dist = portalDist(portal.app, appsDir);
    const base = portal.path.replace(/\/$/, '');
    // Express matches `/screen` and `/screen/` alike (non-strict routing): redirect only the one without the slash.
    app.get(base, (req, res, next) => {
      if (req.originalUrl.split('?')[0] !== base) return next();
      res.redirect(301, portal.path);
    });
    app.use(
      portal.path,
      (_req, res, next) => {
        if (existsSync(path.join(dist, 'index.html'))) return next();
        res
          .status(503)
          .type('text/plain; charset=utf-8')
          .send(
            `${portal.titleZh} 尚未构建 / ${portal.titleEn} not built: run \`pnpm build\` (or pnpm install)\n`,
          );
      },
      express.static(dist, {
        index: 'index.html',
        setHeaders: (res, file) => {
          res.setHeader(
            'cache-control',
            file.includes(`${path.sep}assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          );
        },
      }),
      (req, res, next) => {
        if (req.method !== 'GET' || path.extname(req.path)) return next();
        res.setHeader('cache-control', 'no-cache');
        res.sendFile(path.join(dist, 'index.html'));
      },
    );
  }
}
