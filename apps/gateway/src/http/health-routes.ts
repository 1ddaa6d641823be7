import type express from 'express';
import type { Services } from '../context.js';
import type { PoolProbe, ReadinessState } from '../readiness.js';

/**
 * `/healthz`: the process answers (liveness). `/readyz`: started, not draining, and the request pool hands out a
 * connection now (readiness) — with what is degraded but still serving: live updates, or a read replica that is
 * down (its reads go to the primary).
 */
export function mountHealthRoutes(
  app: express.Express,
  o: { version: string; readiness: ReadinessState; poolProbe: PoolProbe; services: Services },
): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: o.version });
  });
  app.get('/readyz', async (_req, res) => {
    const problem = o.readiness.isReady() ? await o.poolProbe.check() : o.readiness.reason();
    const degraded =
      [o.services.live.problem(), await o.services.reads.problem()].filter(Boolean).join('; ') || null;
    res
      .status(problem ? 503 : 200)
      .json({ ready: !problem, detail: problem ?? o.readiness.reason(), ...(degraded ? { degraded } : {}) });
  });
}
