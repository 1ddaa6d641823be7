// The operators' scripts run as the migration role (the request pool's login role can read nothing by itself):
// `pnpm seed` on an empty database, then `pnpm audit:verify` on what it wrote.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

const run = promisify(execFile);
const GATEWAY_DIR = path.resolve(__dirname, '..');

describe('operator scripts', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('hj_scripts');
  });
  afterAll(() => db?.drop());

  const script = (name: string, args: string[] = []) =>
    run(process.execPath, ['--import', 'tsx', `src/scripts/${name}.ts`, ...args], {
      cwd: GATEWAY_DIR,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: db.url },
      timeout: 180_000,
    });

  it('seed migrates and seeds an empty database; audit:verify walks the chain', async () => {
    await expect(script('seed', ['--scale', '0.2'])).rejects.toMatchObject({
      stderr: expect.stringContaining('--scale must be a whole number from 1 to 1000'),
    });
    const seeded = await script('seed');
    expect(seeded.stdout).toMatch(/^seed: done — \{"scale":1,/m);
    const again = await script('seed');
    expect(again.stdout).toContain('already holds the demo data');
    const verified = await script('audit-verify');
    expect(verified.stdout).toMatch(/^audit:verify: OK — \d+ rows, chain intact/m);
  }, 240_000);
});
