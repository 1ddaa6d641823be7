// GET /exports/households is an entry of the operation pipeline (brief: it used to skip the rate limit, the cost
// budget, the allow-list and the integrator audit): a key is charged like one operation per download, an
// allow-list key may use only the ticket form, and every key download leaves an audit row with its rows.
import type pg from 'pg';
import { parse } from 'csv-parse/sync';
import { generateApiKey } from '../src/credentials/api-keys.js';
import { gql } from './helpers/graphql.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';

const SMALL = { search: 'BTH-CQ-000' };

async function newKey(owner: pg.Pool, columns: { rate?: number; allowListOnly?: boolean } = {}) {
  const { key, prefix, secretHash } = generateApiKey();
  const { rows } = await owner.query<{ id: string }>(
    `INSERT INTO api_key (prefix, secret_hash, name, tenant_kind, tenant_code, role, created_by,
       rate_per_minute, allow_list_only)
     VALUES ($1, $2, 'exports', 'headquarters', 'baitang-lake', 'viewer', 'test', $3, $4) RETURNING id`,
    [prefix, secretHash, columns.rate ?? null, columns.allowListOnly ?? false],
  );
  return { key, subject: `apikey:${rows[0]!.id}` };
}

describe('the export download inside the pipeline', () => {
  let opened: SeededGateway;
  let base: string;

  beforeAll(async () => {
    opened = await openSeededGateway({ AUDIT_FLUSH_MS: '50', AUDIT_REFUSAL_WINDOW_MS: '200' });
    base = opened.gateway.url.replace(/\/graphql$/, '');
  });
  afterAll(() => closeSeededGateway(opened));

  const download = (query: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${base}/exports/households?${new URLSearchParams(query).toString()}`, { headers });
  const csvRows = async (response: Response) => {
    const bytes = Buffer.from(await response.arrayBuffer());
    const rows: string[][] = parse(bytes.subarray(3).toString('utf8'));
    return rows.length - 1;
  };
  const auditOf = async (actor: string) => {
    await opened.gateway.audit.flush();
    return (
      await opened.owner.query<{ operation: string; outcome: string; rows: number | null }>(
        `SELECT operation, outcome, (detail->>'rows')::int AS rows FROM audit_log WHERE actor = $1 ORDER BY id`,
        [actor],
      )
    ).rows;
  };

  it('charges a key like one operation: past its rate, RATE_LIMITED with 429 and Retry-After', async () => {
    const { key, subject } = await newKey(opened.owner, { rate: 2 });
    const filter = JSON.stringify(SMALL);
    for (let i = 0; i < 2; i += 1) {
      const ok = await download({ filter }, { 'x-api-key': key });
      expect(ok.status).toBe(200);
      await ok.arrayBuffer();
    }
    const refused = await download({ filter }, { 'x-api-key': key });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0]!.extensions).not.toHaveProperty('http');
    // The same budget as /graphql: the key's next GraphQL operation is refused too.
    const query = await gql(opened.gateway.url, '{ me { subject } }', {}, { 'x-api-key': key });
    expect(query.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // The two downloads are audited with their rows; the refusal is in the refusal audit.
    await new Promise((resolve) => setTimeout(resolve, 400)); // the refusal window (AUDIT_REFUSAL_WINDOW_MS)
    const rows = await auditOf(subject);
    const downloads = rows.filter((r) => r.operation === 'GET /exports/households' && r.outcome === 'ok');
    expect(downloads).toHaveLength(2);
    expect(downloads[0]!.rows).toBeGreaterThan(0);
    expect(rows.some((r) => r.outcome === 'RATE_LIMITED')).toBe(true);
  });

  it('an integrator download leaves an audit row with the rows streamed', async () => {
    const { key, subject } = await newKey(opened.owner);
    const response = await download({ filter: JSON.stringify(SMALL) }, { 'x-api-key': key });
    expect(response.status).toBe(200);
    const streamed = await csvRows(response);
    expect(streamed).toBeGreaterThan(0);
    expect(await auditOf(subject)).toEqual([
      { operation: 'GET /exports/households', outcome: 'ok', rows: streamed },
    ]);
  });

  it('the ticket form, for a key, is audited too: the issuing operation and the download', async () => {
    const { key, subject } = await newKey(opened.owner);
    const link = await gql<{ exportHouseholds: { url: string; rowCount: number } }>(
      opened.gateway.url,
      'query Link($f: HouseholdFilter) { exportHouseholds(format: CSV, filter: $f) { url rowCount } }',
      { f: SMALL },
      { 'x-api-key': key },
    );
    expect(link.errors).toBeUndefined();
    const { url, rowCount } = link.data!.exportHouseholds;
    const streamed = await csvRows(await fetch(`${base}${url}`));
    expect(streamed).toBe(rowCount);
    const rows = await auditOf(subject);
    expect(rows.map((r) => r.operation)).toEqual(['Link', 'GET /exports/households']);
    expect(rows[1]).toEqual({ operation: 'GET /exports/households', outcome: 'ok', rows: streamed });
  });

  it('an allow-list key may not use the header form: PERSISTED_QUERY_NOT_ALLOWED, audited as a refusal', async () => {
    const { key, subject } = await newKey(opened.owner, { allowListOnly: true });
    const forms: Record<string, string>[] = [{ 'x-api-key': key }, { authorization: `Bearer ${key}` }];
    for (const headers of forms) {
      const refused = await download({ filter: JSON.stringify(SMALL) }, headers);
      expect(refused.status).toBe(403);
      const body = (await refused.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
      expect(typeof body.errors[0]!.extensions.messageZh).toBe('string');
    }
    await new Promise((resolve) => setTimeout(resolve, 400)); // the refusal window (AUDIT_REFUSAL_WINDOW_MS)
    const rows = await auditOf(subject);
    expect(rows.some((r) => r.outcome === 'PERSISTED_QUERY_NOT_ALLOWED')).toBe(true);
    expect(rows.some((r) => r.outcome === 'ok')).toBe(false);
  });
});
