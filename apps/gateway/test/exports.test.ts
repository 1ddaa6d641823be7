import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS } from '../src/modules/export/export.rows.js';
import { insertApiKey } from './helpers/api-key.js';
import { gql } from './helpers/graphql.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { tokenFor } from './helpers/sessions.js';

// Exports over real HTTP: the files open with spreadsheet libraries, hold the caller's rows only (RLS), mask PII
// as the Household resolvers do, neutralise formulas, and respect the row bound.
// Above 白塘湖片区's 3,875 households (so its export crosses several keyset batches), below the district's 8,625.
const MAX_ROWS = 4000;
const POISON: Record<string, string> = {
  'BTH-CQ-0001': '=HYPERLINK("http://evil.example/x","点我")',
  'BTH-CQ-0002': '+1+cmd|" /C calc"!A0',
  'BTH-CQ-0003': '@SUM(1,1)',
  'BTH-CQ-0004': '-2+3',
};
const col = (name: string) => EXPORT_COLUMNS.findIndex(([key]) => key === name);
const FILTER = { search: 'BTH-CQ-000' };
const HOUSEHOLDS = `query ($filter: HouseholdFilter) { households(first: 100, filter: $filter) {
  totalCount edges { node { code ownerIdNumber phone township { code } } } } }`;
type Page = {
  households: {
    totalCount: number;
    edges: { node: { code: string; ownerIdNumber: string | null; phone: string | null } }[];
  };
};

/** The CSV's rows; it must start with a UTF-8 BOM (fetch's text() would drop it silently). */
async function csvRows(response: Response): Promise<string[][]> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows: string[][] = parse(bytes.subarray(3).toString('utf8'));
  return rows;
}

describe('household exports', () => {
  let opened: SeededGateway;
  let base: string;
  let hqKey: string;
  let mountainKey: string;
  let districtKey: string;

  beforeAll(async () => {
    opened = await openSeededGateway({ EXPORT_MAX_ROWS: String(MAX_ROWS) });
    base = opened.gateway.url.replace(/\/graphql$/, '');
    for (const [code, name] of Object.entries(POISON)) {
      await opened.owner.query('UPDATE household SET owner_name = $2 WHERE code = $1', [code, name]);
    }
    hqKey = await insertApiKey(opened.owner, { kind: 'headquarters', code: 'baitang-lake' });
    mountainKey = await insertApiKey(opened.owner, { kind: 'township', code: 'dayang' });
    districtKey = await insertApiKey(opened.owner, { kind: 'district', code: 'district' }, 'inspector');
  });
  afterAll(() => closeSeededGateway(opened));

  const download = (query: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${base}/exports/households?${new URLSearchParams(query).toString()}`, { headers });

  it('CSV with an API key: the same rows and the same masking as the households query, formulas neutralised', async () => {
    const response = await download(
      { format: 'csv', filter: JSON.stringify(FILTER) },
      { 'x-api-key': hqKey },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = await csvRows(response);
    expect(header).toEqual(EXPORT_COLUMNS.map(([, title]) => title));
    const page = await gql<Page>(opened.gateway.url, HOUSEHOLDS, { filter: FILTER }, { 'x-api-key': hqKey });
    const expected = page.data!.households.edges.map((e) => e.node);
    expect(rows.length).toBe(page.data!.households.totalCount);
    expect(response.headers.get('x-export-rows')).toBe(String(rows.length));
    expect(rows.map((r) => r[col('code')])).toEqual(expected.map((n) => n.code));
    for (const [i, node] of expected.entries()) {
      expect(rows[i]![col('ownerIdNumber')]).toBe(node.ownerIdNumber ?? '');
      expect(rows[i]![col('phone')]).toBe(node.phone ?? '');
      expect(rows[i]![col('ownerIdNumber')]).toMatch(/^\d{6}\*{8}[\dX]{4}$|^$/);
    }
    expect(rows.some((r) => r[col('ownerIdNumber')]!.includes('*'))).toBe(true);
    const byCode = new Map(rows.map((r) => [r[col('code')], r]));
    for (const [code, name] of Object.entries(POISON)) {
      expect(byCode.get(code)?.[col('ownerName')]).toBe(`'${name}`);
    }
  });

  it('holds only the caller’s scope: a mountain township’s key gets none of 白塘’s households', async () => {
    const filtered = await download({ filter: JSON.stringify(FILTER) }, { 'x-api-key': mountainKey });
    const [, ...none] = await csvRows(filtered);
    expect(none).toEqual([]);
    const all = await download({}, { 'x-api-key': mountainKey });
    const [, ...rows] = await csvRows(all);
    const count = await gql<Page>(
      opened.gateway.url,
      '{ households { totalCount } }',
      {},
      { 'x-api-key': mountainKey },
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBe(count.data!.households.totalCount);
    const { rows: visible } = await opened.owner.query<{ code: string }>(
      `SELECT h.code FROM household h JOIN township t ON t.id = h.township_id LEFT JOIN township ht ON ht.id = h.team_home_township_id
       WHERE t.code = 'dayang' OR ht.code = 'dayang' ORDER BY h.code`,
    );
    expect(rows.map((r) => r[col('code')]).sort()).toEqual(visible.map((r) => r.code).sort());
  });

  it('XLSX through the exportHouseholds link: opens with exceljs, PII in full for the commander, no formula cells', async () => {
    const token = await tokenFor(opened.gateway.url, 'baitang.commander');
    const link = await gql<{ exportHouseholds: { url: string; format: string; rowCount: number } }>(
      opened.gateway.url,
      'query ($f: HouseholdFilter) { exportHouseholds(format: XLSX, filter: $f) { url format rowCount expiresAt } }',
      { f: FILTER },
      { authorization: `Bearer ${token}` },
    );
    expect(link.errors).toBeUndefined();
    const { url, rowCount } = link.data!.exportHouseholds;
    const response = await fetch(`${base}${url}`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('households')!;
    expect(sheet.rowCount).toBe(rowCount + 1);
    const cells = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 1) cells.set(row.getCell(col('code') + 1).text, row);
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    });
    expect(cells.size).toBe(rowCount);
    for (const row of cells.values()) {
      expect(row.getCell(col('ownerIdNumber') + 1).text).toMatch(/^\d{17}[\dX]$/);
      expect(row.getCell(col('township') + 1).value).toBe('baitang');
    }
    expect(cells.get('BTH-CQ-0001')!.getCell(col('ownerName') + 1).value).toBe(`'${POISON['BTH-CQ-0001']}`);
    expect(typeof cells.get('BTH-CQ-0001')!.getCell(col('buildingAreaM2') + 1).value).toBe('number');
  });

  it('streams a large export in keyset batches: every row exactly once', async () => {
    const response = await download({}, { 'x-api-key': hqKey });
    const [, ...rows] = await csvRows(response);
    const count = await gql<Page>(
      opened.gateway.url,
      '{ households { totalCount } }',
      {},
      { 'x-api-key': hqKey },
    );
    expect(rows.length).toBe(count.data!.households.totalCount);
    expect(rows.length).toBeGreaterThan(3 * 1000);
    const codes = rows.map((r) => r[col('code')]!);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('refuses more rows than EXPORT_MAX_ROWS before streaming, over GraphQL and HTTP', async () => {
    const viaHttp = await download({}, { 'x-api-key': districtKey });
    expect(viaHttp.status).toBe(422);
    expect(await viaHttp.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', detail: 'export_too_large' } }],
    });
    const viaGraphql = await gql(
      opened.gateway.url,
      '{ exportHouseholds(format: CSV) { url } }',
      {},
      { 'x-api-key': districtKey },
    );
    expect(viaGraphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(viaGraphql.errors?.[0]?.message).toContain(String(MAX_ROWS));
  });

  it('refuses a link once its key is revoked', async () => {
    const key = await insertApiKey(
      opened.owner,
      { kind: 'headquarters', code: 'baitang-lake' },
      'viewer',
      'short-lived',
    );
    const link = await gql<{ exportHouseholds: { url: string } }>(
      opened.gateway.url,
      '{ exportHouseholds(format: CSV, filter: { search: "BTH-CQ-000" }) { url } }',
      {},
      { 'x-api-key': key },
    );
    const url = `${base}${link.data!.exportHouseholds.url}`;
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
    await opened.owner.query('UPDATE api_key SET revoked_at = now() WHERE prefix = $1', [key.split('_')[1]]);
    expect((await fetch(url)).status).toBe(401);
  });

  it('refuses anonymous callers, forged or tampered tickets and bad filters', async () => {
    expect((await download({})).status).toBe(401);
    expect((await download({ ticket: 'not-a-ticket' })).status).toBe(401);
    const link = await gql<{ exportHouseholds: { url: string } }>(
      opened.gateway.url,
      '{ exportHouseholds(format: CSV, filter: { search: "BTH-CQ-000" }) { url } }',
      {},
      { 'x-api-key': hqKey },
    );
    const ticket = new URL(`${base}${link.data!.exportHouseholds.url}`).searchParams.get('ticket')!;
    const [head, payload, signature] = ticket.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { p: { tenantCode: string } };
    claims.p.tenantCode = 'district';
    const forged = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await download({ ticket: forged })).status).toBe(401);
    // A ticket is not a bearer token.
    const asBearer = await gql(
      opened.gateway.url,
      '{ me { subject } }',
      {},
      { authorization: `Bearer ${ticket}` },
    );
    expect(asBearer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const badFilter = await download({ filter: '{"tenant":"district"}' }, { 'x-api-key': hqKey });
    expect(badFilter.status).toBe(400);
  });
});
