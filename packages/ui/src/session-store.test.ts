import type { Session } from '@hanjiang/client';
import { describe, expect, it } from 'vitest';
import { sessionStore } from './session-store.js';

function memory() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const session = (expiresAt: string) => ({ token: 't', expiresAt, membershipId: 'm1' }) as unknown as Session;

describe('session store', () => {
  it('keeps one session per portal and forgets an expired or unreadable one', () => {
    const storage = memory();
    const hq = sessionStore('hq', storage);
    const future = new Date(Date.now() + 60_000).toISOString();
    hq.save(session(future));
    expect(hq.load()?.expiresAt).toBe(future);
    expect(sessionStore('township', storage).load()).toBeNull();
    hq.save(session(new Date(Date.now() - 1).toISOString()));
    expect(hq.load()).toBeNull();
    storage.data.set('hanjiang.hq.session', '{not json');
    expect(hq.load()).toBeNull();
    hq.save(null);
    expect(storage.data.has('hanjiang.hq.session')).toBe(false);
  });
});
