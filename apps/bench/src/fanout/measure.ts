// What the fan-out reads off the gateways and how it summarises latencies: VmRSS of a pid, the
// /debug/live-stats counters, percentiles, and the median-over-signings of per-signing p50 / p99.
import { readFileSync } from 'node:fs';
import type { Child } from '../children.js';
import { median } from '../report.js';

export interface LiveStats {
  busEvents: number;
  executions: number;
  sqlStatements: number;
  deliveries: number;
  groups: number;
  members: number;
}

export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) : Number.NaN;
}

export async function liveStats(gateway: Child): Promise<LiveStats> {
  const response = await fetch(`${gateway.url}/debug/live-stats`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET /debug/live-stats answered ${response.status}`);
  return (await response.json()) as LiveStats;
}

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** Per-signing p50 / p99 of one group of latencies (e.g. one replica's, or all), kept for the medians. */
export class SigningPercentiles {
  private readonly p50s: number[] = [];
  private readonly p99s: number[] = [];

  /** Adds one signing's latencies (sorted in place) and returns its p50 / p99. */
  add(latencies: number[]): { p50: number | null; p99: number | null } {
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    if (p50 !== null && p99 !== null) {
      this.p50s.push(p50);
      this.p99s.push(p99);
    }
    return { p50, p99 };
  }

  /** Median over signings of each signing's p50 / p99. */
  medians(): { p50: number | null; p99: number | null } {
    return this.p50s.length
      ? { p50: round1(median(this.p50s)), p99: round1(median(this.p99s)) }
      : { p50: null, p99: null };
  }
}

/** RSS per idle subscriber in KiB: the growth from before the first socket to idle, per subscription. */
export function kibPer(rssBeforeKiB: number, rssIdleKiB: number, subscriptions: number): number {
  return Math.round(((rssIdleKiB - rssBeforeKiB) / Math.max(subscriptions, 1)) * 10) / 10;
}
