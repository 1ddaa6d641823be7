import type { Redis } from 'ioredis';
import { createLogger } from '../logger.js';
import { parseEnv } from '../env.js';
import { ReadPins } from './read-pins.js';

const logger = createLogger(parseEnv({ LOG_LEVEL: 'silent' }));

/** Just the two Redis calls the pins make, over a map (or failing, as a Redis that is down). */
function fakeRedis(down = false) {
  const keys = new Map<string, string>();
  const fail = () => Promise.reject(new Error('Redis down'));
  const redis = {
    set: (key: string, value: string) => (down ? fail() : Promise.resolve(void keys.set(key, value))),
    exists: (key: string) => (down ? fail() : Promise.resolve(keys.has(key) ? 1 : 0)),
  };
  return { redis: redis as unknown as Redis, keys };
}

describe('read pins (read your writes with a replica)', () => {
  it('pins the subject that wrote, and only that one', async () => {
    const pins = new ReadPins(60_000, null, logger);
    await pins.pin('baitang.cadre');
    expect(await pins.pinned('baitang.cadre')).toBe(true);
    expect(await pins.pinned('baitang.viewer')).toBe(false);
  });

  it('a pin another gateway wrote to Redis is seen here', async () => {
    const shared = fakeRedis();
    await new ReadPins(60_000, shared.redis, logger).pin('key:integrator');
    expect([...shared.keys.keys()]).toEqual(['hj:read-pin:key:integrator']);
    const elsewhere = new ReadPins(60_000, shared.redis, logger);
    expect(await elsewhere.pinned('key:integrator')).toBe(true);
    expect(await elsewhere.pinned('district.admin')).toBe(false);
  });

  it('when Redis cannot answer, reads go to the primary (pinned) and a write still pins locally', async () => {
    const { redis } = fakeRedis(true);
    const pins = new ReadPins(60_000, redis, logger);
    expect(await pins.pinned('anyone')).toBe(true);
    await expect(pins.pin('writer')).resolves.toBeUndefined();
  });

  it('a pin of 0 ms pins nothing', async () => {
    const pins = new ReadPins(0, fakeRedis().redis, logger);
    await pins.pin('writer');
    expect(await pins.pinned('writer')).toBe(false);
  });
});
