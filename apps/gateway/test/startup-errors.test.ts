import { spawnGateway } from './helpers/child-gateway.js';
import { freePortForTest } from './helpers/ports.js';

describe('startup failures: one clear line, exit code 1', () => {
  it('names every invalid environment variable at once', async () => {
    const child = spawnGateway({
      PORT: 'four-thousand',
      LOG_LEVEL: 'loud',
      JWT_SECRET: 'short',
      DATABASE_URL: 'mysql://root@localhost/x',
      DB_POOL_SIZE: '0',
    });
    expect(await child.exited).toBe(1);
    const stderr = child.stderr();
    for (const name of ['PORT', 'LOG_LEVEL', 'JWT_SECRET', 'DATABASE_URL', 'DB_POOL_SIZE']) {
      expect(stderr).toContain(`${name}:`);
    }
    expect(stderr).toContain('invalid environment');
  });

  it('says which database is unreachable, with the password hidden', async () => {
    const deadPort = await freePortForTest();
    const child = spawnGateway({
      PORT: String(await freePortForTest()),
      DATABASE_URL: `postgres://someone:s3cret-pass@127.0.0.1:${deadPort}/nowhere`,
    });
    expect(await child.exited).toBe(1);
    const stderr = child.stderr();
    expect(stderr).toContain(`database unreachable at postgres://someone:***@127.0.0.1:${deadPort}/nowhere`);
    expect(stderr).not.toContain('s3cret-pass');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
