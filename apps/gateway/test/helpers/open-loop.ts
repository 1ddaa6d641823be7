// Legitimate readers as an open loop: requests leave at a fixed rate whether or not earlier ones have answered,
// as a real office's clicks do, and each one's latency is measured from the moment it was due (not from when
// it happened to leave), so a stalled event loop or a queue in the gateway shows in the figures instead of
// silently slowing the senders down (the "coordinated omission" of a closed loop). A closed loop of back-to-back
// readers saturated the 2-core machine by itself, so every extra cycle anywhere showed in their tail.

export interface Sample {
  /** When the request was due (epoch ms). */
  due: number;
  /** Milliseconds from due to a good answer; null for an error. */
  ms: number | null;
}

export interface Summary {
  n: number;
  errors: number;
  p50: number;
  p99: number;
}

/** Sends `send()` `ratePerSecond` times a second until `until` (epoch ms); resolves once every request answered. */
export async function openLoop(
  ratePerSecond: number,
  until: number,
  send: () => Promise<boolean>,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const interval = 1_000 / ratePerSecond;
  const origin = Date.now() - performance.now();
  const start = performance.now();
  const end = until - origin;
  for (let i = 0; start + i * interval < end; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sample: Sample = { due: origin + due, ms: null };
    samples.push(sample);
    pending.push(
      send().then(
        (ok) => {
          if (ok) sample.ms = performance.now() - due;
        },
        () => undefined,
      ),
    );
  }
  await Promise.all(pending);
  return samples;
}

export function summarize(samples: readonly Sample[]): Summary {
  const latencies = samples.flatMap((s) => (s.ms === null ? [] : [s.ms])).sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { n: latencies.length, errors: samples.length - latencies.length, p50: p(0.5), p99: p(0.99) };
}
