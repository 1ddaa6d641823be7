// What every phase of a bench run shares: where things are, whom the bench acts as, and the run's log.
import path from 'node:path';
import type { Child } from '../children.js';
import { readBenchEnv } from '../env.js';

export const BENCH_DIR = path.resolve(import.meta.dirname, '../..');
export const REPO_DIR = path.resolve(BENCH_DIR, '../..');
export const GATEWAY_DIR = path.join(REPO_DIR, 'apps/gateway');
export const DEMO_PASSWORD = 'hanjiang-demo-2020';
/** The one principal whose token every system is measured with. */
export const PRINCIPAL = 'baitang.commander';
export const POOL_SIZE = '20';

export const env = readBenchEnv();

let t0 = Date.now();
/** Starts the log's clock: main.ts calls it once its modules are loaded, so the first line reads 0 s. */
export function startClock(): void {
  t0 = Date.now();
}

/** One line of progress, stamped with the seconds since the bench started. */
export const log = (line: string) =>
  process.stdout.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

/** The systems measured side by side (PostGraphile null when skipped or unable to run). */
export interface Systems {
  gateway: Child;
  raw: Child;
  postgraphile: Child | null;
}

export function urlOf(child: Child): string {
  return `${child.url}/graphql`;
}
