// Issue 16: what can be checked of infra/ without Docker or a cluster. The manifests parse and hold what a rollout
// depends on (probes, drain, selectors, secrets, the migration Job); the compose file and the load balancer pass
// WebSocket upgrades to two gateways; and the Dockerfile's build steps — the commands .ci/run runs, then
// infra/docker/assemble.sh — are run here, and the tree they assemble is started: migrated by the Job's command,
// then serving GraphQL, the portals and /metrics on its own port. `docker build` itself cannot run here (offline,
// no Docker daemon).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { envSchema } from '../src/env.js';
import { waitFor } from './helpers/child-gateway.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { freePortForTest } from './helpers/ports.js';

const ROOT = path.resolve(__dirname, '../../..');
const INFRA = path.join(ROOT, 'infra');
const ENV_NAMES = new Set(Object.keys(envSchema.shape));
const SHUTDOWN_GRACE_MS = 45_000;

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- manifests are untyped YAML; the checks below are their schema */
type Doc = Record<string, any>;

function manifests(): Doc[] {
  const dir = path.join(INFRA, 'k8s');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .flatMap((file) =>
      parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map((doc) => {
        expect({ file, errors: doc.errors.map(String) }).toEqual({ file, errors: [] });
        return { ...(doc.toJS() as Doc), file };
      }),
    );
}

function one(docs: Doc[], kind: string): Doc {
  const found = docs.filter((d) => d.kind === kind);
  expect({ kind, count: found.length }).toEqual({ kind, count: 1 });
  return found[0]!;
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

describe('infra/k8s', () => {
  const docs = manifests();
  const deployment = one(docs, 'Deployment');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const podLabels = deployment.spec.template.metadata.labels;

  it('every manifest has apiVersion, kind and a name, and the expected kinds are all there', () => {
    for (const doc of docs) {
      expect({ file: doc.file, ok: Boolean(doc.apiVersion && doc.kind && doc.metadata?.name) }).toEqual({
        file: doc.file,
        ok: true,
      });
    }
    expect([...new Set(docs.map((d) => `${d.apiVersion}/${d.kind}`))].sort()).toEqual([
      'apps/v1/Deployment',
      'autoscaling/v2/HorizontalPodAutoscaler',
      'batch/v1/Job',
      'networking.k8s.io/v1/Ingress',
      'policy/v1/PodDisruptionBudget',
      'v1/Secret',
      'v1/Service',
    ]);
    const kustomization = parse(readFileSync(path.join(INFRA, 'k8s/kustomization.yaml'), 'utf8')) as Doc;
    for (const file of kustomization.resources as string[]) {
      expect(existsSync(path.join(INFRA, 'k8s', file))).toBe(true);
    }
  });

  it('the Deployment: readiness /readyz, liveness /healthz, grace longer than the drain, non-root', () => {
    expect(deployment.spec.selector.matchLabels).toEqual(podLabels);
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    const env = Object.fromEntries(
      (container.env as { name: string; value: string }[]).map((e) => [e.name, e.value]),
    );
    expect(Number(env.SHUTDOWN_GRACE_MS)).toBe(SHUTDOWN_GRACE_MS);
    const preStopSeconds = Number(container.lifecycle.preStop.exec.command[1]);
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      Number(env.SHUTDOWN_GRACE_MS) + preStopSeconds * 1000,
    );
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).not.toBe(0);
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    // Every variable set is one the gateway reads (a typo would be silently ignored).
    expect(Object.keys(env).filter((name) => !ENV_NAMES.has(name))).toEqual([]);
    const ports = (container.ports as { name: string; containerPort: number }[]).map((p) => p.containerPort);
    expect(ports).toEqual([Number(env.PORT), Number(env.METRICS_PORT)]);
  });

  it('Service, Ingress, HPA and PDB point at the Deployment; secrets hold what the gateway needs', () => {
    const service = one(docs, 'Service');
    expect(selects(service.spec.selector, podLabels)).toBe(true);
    const portNames = (container.ports as { name: string }[]).map((p) => p.name);
    for (const port of service.spec.ports) expect(portNames).toContain(port.targetPort);
    const ingress = one(docs, 'Ingress');
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    expect(backend.name).toBe(service.metadata.name);
    expect(backend.port.name).toBe('http');
    expect(
      Number(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']),
    ).toBeGreaterThanOrEqual(3600);
    const hpa = one(docs, 'HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const pdb = one(docs, 'PodDisruptionBudget');
    expect(selects(pdb.spec.selector.matchLabels, podLabels)).toBe(true);
    expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);

    const secrets = docs.filter((d) => d.kind === 'Secret');
    const byName = new Map(secrets.map((s) => [s.metadata.name as string, s]));
    const fromSecret = (container.envFrom as { secretRef: { name: string } }[]).map((e) => e.secretRef.name);
    for (const name of fromSecret) {
      const keys = Object.keys(byName.get(name)?.stringData ?? {});
      expect(keys).toEqual(expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'REDIS_URL']));
      expect(keys.filter((k) => !ENV_NAMES.has(k))).toEqual([]);
    }
    for (const volume of pod.volumes as { secret?: { secretName: string } }[]) {
      if (volume.secret) expect(byName.has(volume.secret.secretName)).toBe(true);
    }
  });

  it('the migration Job runs the migrate script of the same image, once, as non-root', () => {
    const job = one(docs, 'Job');
    const migrate = job.spec.template.spec.containers[0];
    expect(migrate.image).toBe(container.image);
    expect(migrate.command.slice(0, 3)).toEqual(['node', '--import', 'tsx']);
    expect(existsSync(path.join(ROOT, 'apps/gateway', migrate.command[3]))).toBe(true);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });
});

describe('infra/docker', () => {
  const compose = parse(readFileSync(path.join(INFRA, 'docker/compose.yaml'), 'utf8'), {
    merge: true,
  }) as Doc;
  const dockerfile = readFileSync(path.join(INFRA, 'docker/Dockerfile'), 'utf8');

  it('compose: PostgreSQL, Redis, a migration run, two gateways on Redis, a load balancer in front', () => {
    const services = compose.services as Record<string, Doc>;
    expect(Object.keys(services).sort()).toEqual([
      'gateway-1',
      'gateway-2',
      'lb',
      'migrate',
      'postgres',
      'redis',
    ]);
    for (const name of ['gateway-1', 'gateway-2']) {
      const gateway = services[name]!;
      expect(gateway.environment.REDIS_URL).toMatch(/^redis:\/\/redis:/);
      expect(gateway.environment.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(gateway.depends_on.migrate.condition).toBe('service_completed_successfully');
      expect(Object.keys(gateway.environment).filter((k) => !ENV_NAMES.has(k))).toEqual([]);
      const grace = /^(\d+)s$/.exec(gateway.stop_grace_period)!;
      expect(Number(grace[1]) * 1000).toBeGreaterThan(Number(gateway.environment.SHUTDOWN_GRACE_MS));
      expect(gateway.ports).toBeUndefined(); // reached through the load balancer only
    }
    expect(services.migrate!.command).toEqual(['node', '--import', 'tsx', 'src/scripts/migrate.ts']);
    const nginx = readFileSync(path.join(INFRA, 'docker/nginx.conf'), 'utf8');
    expect(services.lb!.volumes[0]).toMatch(/^\.\/nginx\.conf:/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toContain('server gateway-1:4000');
    expect(nginx).toContain('server gateway-2:4000');
  });

  it('Dockerfile: multi-stage, non-root, the CI install and assemble.sh, pnpm as pinned', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    const ci = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toContain('pnpm install --frozen-lockfile');
    expect(dockerfile).toContain('pnpm install --frozen-lockfile');
    expect(dockerfile).toContain('./infra/docker/assemble.sh /srv');
    const packageManager = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Doc)
      .packageManager as string;
    expect(dockerfile).toContain(`npm install -g ${packageManager}`);
    expect(dockerfile).toMatch(/^CMD \["node", "--import", "tsx", "src\/main\.ts"\]$/m);
  });

  describe('the tree assemble.sh builds (the image without Docker)', () => {
    let out: string;
    let db: TestDatabase;
    beforeAll(() => {
      out = mkdtempSync(path.join(tmpdir(), 'hj-image-'));
      execFileSync(path.join(INFRA, 'docker/assemble.sh'), [out], {
        env: { ...process.env, PNPM_DEPLOY_FLAGS: '--offline' },
        stdio: 'pipe',
      });
    }, 120_000);
    afterAll(async () => {
      await db?.drop();
      rmSync(out, { recursive: true, force: true });
    });

    it('holds production dependencies only, and the four portals', () => {
      const gateway = path.join(out, 'apps/gateway');
      expect(existsSync(path.join(gateway, 'node_modules/tsx'))).toBe(true);
      expect(existsSync(path.join(gateway, 'node_modules/@hanjiang/db'))).toBe(true);
      expect(existsSync(path.join(gateway, 'node_modules/jest'))).toBe(false);
      expect(existsSync(path.join(gateway, 'node_modules/yaml'))).toBe(false);
      expect(existsSync(path.join(gateway, 'test'))).toBe(false);
      for (const portal of ['screen', 'township', 'hq', 'district']) {
        expect(existsSync(path.join(out, 'apps', portal, 'dist/index.html'))).toBe(true);
      }
    });

    it('migrates with the Job command, then serves GraphQL, the portals and /metrics on its own port', async () => {
      db = await createTestDatabase('hj_img');
      const cwd = path.join(out, 'apps/gateway');
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: tmpdir(),
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        DEMO_MODE: '0',
        SEED_ON_EMPTY: '0',
        JWT_SECRET: 'image-test-secret-0123456789-0123456789',
        LOG_LEVEL: 'warn',
      };
      execFileSync('node', ['--import', 'tsx', 'src/scripts/migrate.ts'], { cwd, env, stdio: 'pipe' });
      const [port, metricsPort] = [await freePortForTest(), await freePortForTest()];
      const child = spawn('node', ['--import', 'tsx', 'src/main.ts'], {
        cwd,
        env: { ...env, PORT: String(port), HOST: '127.0.0.1', METRICS_PORT: String(metricsPort) },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        const base = `http://127.0.0.1:${port}`;
        await waitFor(
          () =>
            fetch(`${base}/readyz`).then(
              (r) => (r.ok ? true : undefined),
              () => undefined,
            ),
          {
            timeoutMs: 60_000,
            everyMs: 200,
            what: 'the assembled gateway ready',
          },
        );
        const answer = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ townships { code } }' }),
        });
        expect(((await answer.json()) as Doc).data.townships).toHaveLength(10);
        expect((await fetch(`${base}/screen/`)).status).toBe(200);
        expect((await fetch(`${base}/metrics`)).status).toBe(404);
        const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
        expect(metrics.status).toBe(200);
        expect(await metrics.text()).toContain('hanjiang_graphql_operation_duration_seconds_count');
      } finally {
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    }, 90_000);
  });
});
