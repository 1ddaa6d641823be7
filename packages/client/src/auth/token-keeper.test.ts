import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../live/fake-transport.test-helper.js';
import { type IssuedToken, TokenKeeper } from './token-keeper.js';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(renew: (n: number) => Promise<IssuedToken>) {
  const timers = new ManualTimers();
  const calls: string[] = [];
  const renewed: string[] = [];
  let expired = 0;
  const keeper = new TokenKeeper({
    initial: { token: 't0', expiresAt: at(HOUR) },
    renew: (current) => {
      calls.push(current);
      return renew(calls.length);
    },
    onRenewed: (t) => renewed.push(t.token),
    onExpired: () => (expired += 1),
    now: () => timers.now,
    timers,
  });
  return { timers, keeper, calls, renewed, expired: () => expired };
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
