import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../live/fake-transport.test-helper.js';
import { type IssuedToken, TokenKeeper, type TokenKeeperOptions } from './token-keeper.js';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A keeper on a manual clock starting at `start` (its first token expiring an hour later), recording each renewal
 * call with the clock's time. `options` replaces any of the defaults below (`undefined` removes one).
 */
function setup(
  renew: (n: number) => Promise<IssuedToken>,
  { start = 0, ...options }: Partial<TokenKeeperOptions> & { start?: number } = {},
) {
  const timers = new ManualTimers();
  timers.now = start;
  const calls: string[] = [];
  const callTimes: number[] = [];
  const renewed: string[] = [];
  const expiredAt: number[] = [];
  const keeper = new TokenKeeper({
    initial: { token: 't0', expiresAt: at(start + HOUR) },
    renew: (current) => {
      calls.push(current);
      callTimes.push(timers.now);
      return renew(calls.length);
    },
    onRenewed: (t) => renewed.push(t.token),
    onExpired: () => expiredAt.push(timers.now),
    now: () => timers.now,
    timers,
    ...options,
  });
  return { timers, keeper, calls, callTimes, renewed, expiredAt, expired: () => expiredAt.length };
}

/** Runs the due timers one at a time, each at its exact time, letting renewals settle between them. */
async function runUntil(timers: ManualTimers, until: number, maxSteps = 100): Promise<void> {
  for (let step = 0; step < maxSteps; step += 1) {
    const next = Math.min(...timers.pending);
    if (timers.pending.length === 0 || timers.now + next > until) break;
    timers.advance(next);
    await flush();
  }
}

describe('TokenKeeper', () => {
  it('renews with a quarter of the lifetime left, then again for the new token', async () => {
    const { timers, keeper, calls, renewed } = setup((n) =>
      Promise.resolve({ token: `t${n}`, expiresAt: at(timers.now + HOUR) }),
    );
    expect(keeper.needsRenewal()).toBe(false);
    timers.advance(0.75 * HOUR - 1);
    expect(calls).toEqual([]);
    timers.advance(1);
    expect(calls).toEqual(['t0']);
    await flush();
    expect(keeper.token).toBe('t1');
    expect(renewed).toEqual(['t1']);
    timers.advance(0.75 * HOUR);
    await flush();
    expect(calls).toEqual(['t0', 't1']);
    expect(keeper.token).toBe('t2');
  });

  it('retries with back-off while the gateway is away, and gives up only at expiry', async () => {
    let failing = true;
    const { timers, keeper, calls, expired } = setup((n) =>
      failing
        ? Promise.reject(new Error('gateway restarting'))
        : Promise.resolve({ token: `t${n}`, expiresAt: at(timers.now + HOUR) }),
    );
    timers.advance(0.75 * HOUR);
    await flush();
    expect(calls).toHaveLength(1);
    expect(keeper.needsRenewal()).toBe(true);
    for (let i = 0; i < 5; i += 1) {
      timers.advance(15_000);
      await flush();
    }
    expect(calls.length).toBeGreaterThan(3);
    failing = false;
    timers.advance(15_000);
    await flush();
    expect(keeper.token).toMatch(/^t\d+$/);
    expect(keeper.token).not.toBe('t0');
    expect(expired()).toBe(0);
  });

  it('reports expiry when renewal never succeeds', async () => {
    const { timers, expired } = setup(() => Promise.reject(new Error('refused')));
    for (let i = 0; i < 400 && expired() === 0; i += 1) {
      timers.advance(15_000);
      await flush();
    }
    expect(expired()).toBe(1);
    expect(timers.now).toBeGreaterThanOrEqual(HOUR);
  });

  it('shares one renewal between concurrent callers', async () => {
    const { timers, keeper, calls } = setup((n) =>
      Promise.resolve({ token: `t${n}`, expiresAt: at(timers.now + HOUR) }),
    );
    const [a, b] = await Promise.all([keeper.renewNow(), keeper.renewNow()]);
    expect(calls).toEqual(['t0']);
    expect(a.token).toBe('t1');
    expect(b.token).toBe('t1');
  });
});

describe('TokenKeeper timing', () => {
  const refused = () => Promise.reject(new Error('refused'));
  const doubling = (attempt: number) => 1000 * 2 ** attempt;

  it('counts the renewal window from when the token was received, not from the epoch', async () => {
    const start = 10 * HOUR;
    const { timers, keeper, callTimes } = setup(
      (n) => Promise.resolve({ token: `t${n}`, expiresAt: at(timers.now + 2 * HOUR) }),
      { start },
    );
    expect(keeper.expiresAt).toBe(at(start + HOUR));
    await runUntil(timers, start + 0.75 * HOUR - 1);
    expect(callTimes).toEqual([]);
    await runUntil(timers, start + 0.75 * HOUR);
    expect(callTimes).toEqual([start + 0.75 * HOUR]);
    expect(keeper.expiresAt).toBe(at(start + 0.75 * HOUR + 2 * HOUR));
    // The next token lives two hours: renewed with half an hour (a quarter) left.
    await runUntil(timers, start + 0.75 * HOUR + 1.5 * HOUR);
    expect(callTimes).toEqual([start + 0.75 * HOUR, start + 2.25 * HOUR]);
  });

  it('renews at least 30 s before expiry when a quarter of the lifetime is less', async () => {
    const { timers, callTimes } = setup(refused, { renewWhenLeft: 0.001, backoff: () => 60_000 });
    await runUntil(timers, HOUR - 30_001);
    expect(callTimes).toEqual([]);
    await runUntil(timers, HOUR - 30_000);
    expect(callTimes).toEqual([HOUR - 30_000]);
  });

  it('retries a failed renewal with the back-off, the last try exactly at expiry, then reports expiry once', async () => {
    const { timers, callTimes, expiredAt } = setup(refused, { backoff: doubling });
    await runUntil(timers, 2 * HOUR);
    const first = 0.75 * HOUR;
    // 1, 2, 4, … 256 s after each failure, until the next delay would pass the expiry.
    const retries = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => first + 1000 * (2 ** k - 1));
    expect(callTimes).toEqual([...retries, HOUR]);
    expect(expiredAt).toEqual([HOUR]);
    expect(timers.pending).toEqual([]);
  });

  it('renews at once a token that expired before the keeper started (a laptop waking up), without giving up', async () => {
    const timers = new ManualTimers();
    timers.now = 2 * HOUR;
    const calls: number[] = [];
    const expired: number[] = [];
    const keeper = new TokenKeeper({
      initial: { token: 't0', expiresAt: at(HOUR) },
      renew: () => {
        calls.push(timers.now);
        return Promise.resolve({ token: 't1', expiresAt: at(timers.now + HOUR) });
      },
      onExpired: () => expired.push(timers.now),
      now: () => timers.now,
      timers,
    });
    expect(keeper.needsRenewal()).toBe(true);
    expect(timers.pending).toEqual([0]);
    await runUntil(timers, 2 * HOUR);
    expect(calls).toEqual([2 * HOUR]);
    expect(expired).toEqual([]);
    expect(keeper.token).toBe('t1');
  });

  it('an early renewal on demand replaces the timer of the old token', async () => {
    const { timers, keeper, callTimes } = setup((n) =>
      Promise.resolve({ token: `t${n}`, expiresAt: at(timers.now + HOUR) }),
    );
    timers.advance(0.1 * HOUR);
    await keeper.renewNow();
    expect(timers.pending).toEqual([0.75 * HOUR]);
    await runUntil(timers, 0.85 * HOUR);
    expect(callTimes).toEqual([0.1 * HOUR, 0.85 * HOUR]);
  });

  it('stop() cancels the timer, and a renewal in flight when stopped schedules nothing', async () => {
    const { timers, keeper, calls } = setup((n) =>
      Promise.resolve({ token: `t${n}`, expiresAt: at(timers.now + HOUR) }),
    );
    keeper.stop();
    expect(timers.pending).toEqual([]);
    await runUntil(timers, 5 * HOUR);
    expect(calls).toEqual([]);

    const second = setup((n) => Promise.resolve({ token: `t${n}`, expiresAt: at(second.timers.now + HOUR) }));
    const inFlight = second.keeper.renewNow();
    second.keeper.stop();
    await expect(inFlight).resolves.toEqual({ token: 't1', expiresAt: at(HOUR) });
    expect(second.keeper.token).toBe('t1');
    expect(second.timers.pending).toEqual([]);
  });

  it('works without the optional callbacks: a renewal resolves, an expired session rejects with the real error', async () => {
    const fine = setup((n) => Promise.resolve({ token: `t${n}`, expiresAt: at(HOUR) }), {
      onRenewed: undefined,
    });
    await expect(fine.keeper.renewNow()).resolves.toEqual({ token: 't1', expiresAt: at(HOUR) });

    const failing = setup(refused, { onExpired: undefined, backoff: doubling });
    failing.timers.advance(HOUR);
    await expect(failing.keeper.renewNow()).rejects.toThrow(/^refused$/);
  });
});
