// Issue 16: Prometheus /metrics — never public (a token on the gateway's port, or a port of its own), and what it
// counts after real traffic over HTTP and WebSocket: operations by name (bounded), errors, sockets, subscriptions
// by field, fan-out latency, the request pool and the live bus's lag.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Client } from 'graphql-ws';
import { Registry } from 'prom-client';
import { metricsHandler } from '../src/metrics/metrics-endpoint.js';
import { MAX_OPERATION_LABELS } from '../src/metrics/operation-metrics.js';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { gql, takeFromSubscription, wsClient } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { Collector, sleep } from './helpers/live.js';
import { tokenFor } from './helpers/sessions.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';
const BOARD = 'subscription Board { leaderboardChanged(board: HEADQUARTERS) { scopeCode signed } }';

/** The sum of every sample of `name` whose labels include `labels` (Prometheus text format). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let found: number | undefined;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const set = match[2] ?? '';
    if (!Object.entries(labels).every(([k, v]) => set.includes(`${k}="${v}"`))) continue;
    found = (found ?? 0) + Number(match[3]);
  }
  return found;
}

describe('/metrics', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  const clients: Client[] = [];
  let mainMetrics: string;
  let portMetrics: string;
  const scrape = async (url = mainMetrics) =>
    (await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).text();

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url, {
      METRICS_TOKEN: TOKEN,
      METRICS_PORT: '0',
      METRICS_BUS_PROBE_MS: '200',
    });
    mainMetrics = gateway.url.replace(/\/graphql$/, '/metrics');
    portMetrics = `http://127.0.0.1:${gateway.metricsPort}/metrics`;
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await gateway?.stop();
    await db?.drop();
  });

  it('is not public: the token is required on the gateway port and on the metrics port', async () => {
    expect((await fetch(mainMetrics)).status).toBe(401);
    const wrong = await fetch(mainMetrics, { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect((await fetch(portMetrics)).status).toBe(401);
    const ok = await fetch(portMetrics, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    const elsewhere = await fetch(portMetrics.replace('/metrics', '/graphql'));
    expect(elsewhere.status).toBe(404);
  });

  it('without METRICS_TOKEN the gateway port has no /metrics; the metrics port alone serves it', async () => {
    const registry = new Registry();
    for (const [requireToken, status] of [
      [true, 404],
      [false, 200],
    ] as const) {
      const server = createServer(metricsHandler(registry, undefined, requireToken));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      expect({ requireToken, status: response.status }).toEqual({ requireToken, status });
    }
  });

  it('counts HTTP operations once each, by name, kind and outcome', async () => {
    const before = await scrape();
    const count = (text: string, labels: Record<string, string>) =>
      sample(text, 'hanjiang_graphql_operation_duration_seconds_count', labels) ?? 0;
    for (let i = 0; i < 5; i += 1) {
      expect((await gql(gateway.url, 'query Towns { townships { code } }')).errors).toBeUndefined();
    }
    await gql(gateway.url, '{ townships { code } }');
    // A field error (not signed in) and a document that does not parse.
    const refused = await gql(gateway.url, 'query Mine { households(first: 1) { totalCount } }');
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect((await gql(gateway.url, '{ townships { ')).status).toBe(400);
    const after = await scrape();
    const delta = (labels: Record<string, string>) => count(after, labels) - count(before, labels);
    expect(delta({ operation: 'Towns', kind: 'query', outcome: 'ok' })).toBe(5);
    expect(delta({ operation: 'anonymous', kind: 'query', outcome: 'ok' })).toBe(1);
    expect(delta({ operation: 'Mine', kind: 'query', outcome: 'error' })).toBe(1);
    expect(delta({ kind: 'unresolved', outcome: 'error' })).toBe(1);
    expect(
      sample(after, 'hanjiang_graphql_operation_duration_seconds_bucket', {
        operation: 'Towns',
        kind: 'query',
        outcome: 'ok',
        le: '+Inf',
      }),
    ).toBeGreaterThanOrEqual(5);
  });

  it('counts WebSocket operations, open sockets, subscriptions by field, and fan-out latency', async () => {
    const authorization = `Bearer ${await tokenFor(gateway.url, 'baitang.viewer')}`;
    const before = await scrape();
    const query = wsClient(gateway.url, { authorization });
    clients.push(query);
    const [answer] = await takeFromSubscription(query, 'query WsTowns { townships { code } }', 1);
    expect(answer?.errors).toBeUndefined();
    const boards = [0, 1, 2].map(() => {
      const client = wsClient(gateway.url, { authorization });
      clients.push(client);
      return new Collector(client, BOARD);
    });
    for (const board of boards) await board.waitFor(1);
    const after = await scrape();
    expect(sample(after, 'hanjiang_graphql_operation_duration_seconds_count', { operation: 'WsTowns' })).toBe(
      1,
    );
    expect(sample(after, 'hanjiang_ws_open_sockets')).toBeGreaterThanOrEqual(3);
    expect(sample(after, 'hanjiang_live_subscriptions', { field: 'leaderboardChanged' })).toBe(3);
    const fanouts = (text: string) =>
      sample(text, 'hanjiang_live_fanout_seconds_count', { field: 'leaderboardChanged' }) ?? 0;
    expect(fanouts(after) - fanouts(before)).toBeGreaterThanOrEqual(1);
    // Subscribers leaving are gone from the gauge at the next scrape.
    for (const client of clients.splice(0)) await client.dispose();
    await sleep(200);
    expect(sample(await scrape(), 'hanjiang_live_subscriptions', { field: 'leaderboardChanged' })).toBe(
      undefined,
    );
  });

  it('reports the request pool and the live bus lag', async () => {
    const text = await scrape(portMetrics);
    expect(sample(text, 'hanjiang_db_pool_max')).toBe(10);
    expect(sample(text, 'hanjiang_db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'hanjiang_db_pool_waiting')).toBe(0);
    expect(text).toContain('# TYPE hanjiang_job_queue_depth gauge');
    expect(sample(text, 'hanjiang_live_bus_lag_seconds_count', { bus: 'postgres' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('keeps operation labels bounded: names past the limit are counted as "other"', async () => {
    for (let i = 0; i < MAX_OPERATION_LABELS + 5; i += 1) {
      await gql(gateway.url, `query Op${i} { townships { code } }`);
    }
    const text = await scrape();
    const names = new Set(
      [...text.matchAll(/hanjiang_graphql_operation_duration_seconds_count\{operation="([^"]+)"/g)].map(
        (m) => m[1],
      ),
    );
    expect(names.size).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 1);
    expect(names.has('other')).toBe(true);
  });

  it('the Grafana dashboard asks only for metrics this gateway exports', async () => {
    const dashboard = readFileSync(
      path.resolve(__dirname, '../../../infra/grafana/hanjiang-gateway.json'),
      'utf8',
    );
    const exprs = (JSON.parse(dashboard) as { panels: { targets: { expr: string }[] }[] }).panels.flatMap(
      (panel) => panel.targets.map((target) => target.expr),
    );
    const names = new Set(
      exprs.flatMap((expr) =>
        [...expr.matchAll(/\b((?:hanjiang|process|nodejs)_\w+)/g)].map((m) =>
          m[1]!.replace(/_(bucket|count|sum)$/, ''),
        ),
      ),
    );
    expect(names.size).toBeGreaterThan(10);
    const text = await scrape();
    const missing = [...names].filter((name) => !text.includes(`# TYPE ${name} `));
    expect(missing).toEqual([]);
  });
});
