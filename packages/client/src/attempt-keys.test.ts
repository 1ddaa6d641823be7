import { describe, expect, it } from 'vitest';
import { AttemptKeys } from './attempt-keys.js';

describe('AttemptKeys', () => {
  it('reuses the key for the same input until the attempt is settled', () => {
    let n = 0;
    const keys = new AttemptKeys(() => `k${++n}`);
    expect(keys.keyFor({ a: 1 })).toBe('k1');
    expect(keys.keyFor({ a: 1 })).toBe('k1');
    expect(keys.keyFor({ a: 2 })).toBe('k2'); // a changed input is a new attempt
    keys.settled();
    expect(keys.keyFor({ a: 2 })).toBe('k3');
  });
});
