// Load with autocannon: a warm-up, then a measured run, on one system and one scenario at a time.
import autocannon from 'autocannon';
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
}

export interface LoadOptions {
  url: string;
  token: string;
  body: GraphQLBody;
  connections: number;
  durationSeconds: number;
  /** The verified answer: every response under load must be byte-identical to it. */
  expectBody: string | undefined;
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
  const result = await run(options, options.durationSeconds);
  return {
    reqPerSec: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.mismatches,
  };
}
