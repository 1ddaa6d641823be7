import { describe, expect, it } from 'vitest';
import { readDisplayKey, STORAGE_KEY } from './credential.js';

const KEY = 'hj_demoscreen_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    items,
  };
}

describe('readDisplayKey', () => {
  it('takes the key from the fragment, keeps it and clears it from the address bar', () => {
    const storage = memoryStorage();
    const urls: string[] = [];
    const key = readDisplayKey(
      { hash: `#key=${KEY}`, pathname: '/screen/', search: '?lang=en' },
      storage,
      (u) => urls.push(u),
    );
    expect(key).toBe(KEY);
    expect(storage.items.get(STORAGE_KEY)).toBe(KEY);
    expect(urls).toEqual(['/screen/?lang=en']);
  });

  it('uses the stored key on later loads, and nothing that is not a key', () => {
    expect(
      readDisplayKey(
        { hash: '', pathname: '/screen/', search: '' },
        memoryStorage({ [STORAGE_KEY]: KEY }),
        () => undefined,
      ),
    ).toBe(KEY);
    expect(
      readDisplayKey({ hash: '#key=nonsense', pathname: '/', search: '' }, memoryStorage(), () => undefined),
    ).toBeNull();
    expect(
      readDisplayKey(
        { hash: '', pathname: '/', search: '' },
        memoryStorage({ [STORAGE_KEY]: 'x' }),
        () => undefined,
      ),
    ).toBeNull();
  });
});
