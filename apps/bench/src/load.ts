// Load with autocannon: a warm-up, then a measured run, on one system and one scenario at a time.
import autocannon from 'autocannon';
import type { CpuMeter } from './cpu.js';
import type { GraphQLBody } from './scenarios.js';

export interface Measurement {
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers, connection errors and answers that differ from the verified one. */
  failures: number;
  /** The first failing answer, for the log. */
  firstFailure?: string;
  /** CPU ms per request of the server process and of its PostgreSQL backends (absent where unreadable). */
  cpu?: { serverMs: number; databaseMs: number };
}

export interface LoadOptions {
  url: string;
  token: string;
  body: GraphQLBody;
  connections: number;
  durationSeconds: number;
  /** The verified answer: every response under load must be byte-identical to it. */
  expectBody: string | undefined;
  /** Measures the server's and its backends' CPU over the measured run (not the warm-up). */
  cpu?: { meter: CpuMeter; serverPid: number };
}

function run(options: LoadOptions, durationSeconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    duration: durationSeconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify(options.body),
    ...(options.expectBody === undefined ? {} : { expectBody: options.expectBody }),
  });
}

export async function measure(options: LoadOptions, warmupSeconds: number): Promise<Measurement> {
  if (warmupSeconds > 0) await run(options, warmupSeconds);
  const stopCpu = options.cpu ? await options.cpu.meter.start(options.cpu.serverPid) : null;
  const result = await run(options, options.durationSeconds);
  const cpu = stopCpu ? await stopCpu() : null;
  const requests = result.requests.total;
  return {
    reqPerSec: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    failures: result.non2xx + result.errors + result.mismatches,
    ...(cpu && requests > 0
      ? { cpu: { serverMs: cpu.serverMs / requests, databaseMs: cpu.databaseMs / requests } }
      : {}),
  };
}
