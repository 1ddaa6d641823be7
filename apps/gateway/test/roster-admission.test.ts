import { request } from 'node:http';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { rosterRows, toCsv } from './fixtures/roster.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser, tokenFor } from './helpers/sessions.js';

// An import's admission (modules/roster/roster.admission.ts) through the real gateway: a caller's import budget,
// and a large import over it refused before its body is read (http/import-body-limit.ts).

const IMPORT = `mutation ($input: ImportHouseholdsInput!) { importHouseholds(input: $input) { dryRun totalRows } }`;
const LAKE_VILLAGES = ['baitang-chenqiao', 'baitang-jiangwei'];

jest.setTimeout(120_000);

describe('import admission', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway({ IMPORTS_PER_MINUTE: '2' }));
  });
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  const dryRun = (username: string) =>
    asUser<{ importHouseholds: { totalRows: number } }>(gateway.url, username, IMPORT, {
      input: {
        fileBase64: toCsv(rosterRows(20, { prefix: 'ADMIT', villages: LAKE_VILLAGES })).toString('base64'),
        format: 'CSV',
        dryRun: true,
      },
    });

  it('gives a caller IMPORTS_PER_MINUTE imports (dry runs too), then RATE_LIMITED with the wait', async () => {
    for (let i = 0; i < 2; i += 1) {
      const answer = await dryRun('baitang-lake.commander');
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.importHouseholds.totalRows).toBe(20);
    }
    const refused = await dryRun('baitang-lake.commander');
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    // The budget is the caller's: another commander imports as before.
    expect((await dryRun('baisha.commander')).errors).toBeUndefined();
  });

  it('refuses an over-budget caller a large import (429) before its body has been sent in full', async () => {
    const token = await tokenFor(gateway.url, 'baitang-lake.commander'); // spent by the test above
    const declared = 3 * 1024 * 1024; // above the ordinary limit: only an import may be this large
    const answer = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request(gateway.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(declared),
            authorization: `Bearer ${token}`,
          },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
        // A first part only: the answer must come without the gateway waiting for (or reading) the rest.
        req.write(`{"query":${JSON.stringify(IMPORT)},"variables":{"input":{"format":"CSV","fileBase64":"`);
        req.write('A'.repeat(64 * 1024));
      },
    );
    expect(answer.status).toBe(429);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(answer.headers.connection).toBe('close');
    const parsed = JSON.parse(answer.body) as {
      errors: { extensions: { code: string; messageZh: string } }[];
    };
    expect(parsed.errors[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      messageZh: expect.any(String),
    });
  });
});
