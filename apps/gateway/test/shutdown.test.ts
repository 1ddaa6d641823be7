// Ctrl-C on a gateway nobody has called yet (`pnpm start`, then straight away Ctrl-C): it must stop cleanly, exit
// 0 and take its embedded server with it. With Apollo's drain plugin the stop waited for an HTTP server 'close'
// that never came, and ended in "shutdown took too long" with exit 1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnGateway, waitFor } from './helpers/child-gateway.js';
import { freePortForTest } from './helpers/ports.js';

describe('shutdown', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hj-shutdown-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'a gateway that served nothing stops on %s with exit 0 and no "took too long"',
    async (signal) => {
      const port = await freePortForTest();
      const gateway = spawnGateway({
        PORT: String(port),
        DATA_DIR: path.join(dataDir, signal),
        SEED_ON_EMPTY: '0',
        LOG_LEVEL: 'info',
        // Short, so that a hang shows as exit 1 well inside the test's own time.
        SHUTDOWN_GRACE_MS: '15000',
      });
      await waitFor(() => (gateway.stdout().includes('gateway ready') ? true : undefined), {
        timeoutMs: 90_000,
        what: 'gateway ready',
      });
      expect(await gateway.kill(signal)).toBe(0);
      expect(gateway.stderr()).not.toContain('took too long');
    },
    150_000,
  );
});
