import { computeProgressCounters } from '@hanjiang/db';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { ROSTER_FIELDS } from '../src/modules/roster/roster.columns.js';
import { counterSnapshot, scopeRow } from './fixtures/counters.js';
import {
  rosterRows,
  type RosterRow,
  toCsv,
  totalCentiM2,
  toXlsx,
  validIdNumber,
  wrongCheckDigit,
} from './fixtures/roster.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser, tokenFor } from './helpers/sessions.js';

const IMPORT = `mutation ImportHouseholds($input: ImportHouseholdsInput!) {
  importHouseholds(input: $input) {
    dryRun totalRows importedRows buildingAreaM2 errors { line column code messageZh messageEn }
  }
}`;

interface ImportResult {
  dryRun: boolean;
  totalRows: number;
  importedRows: number;
  buildingAreaM2: number;
  errors: { line: number; column: string | null; code: string; messageZh: string; messageEn: string }[];
}

// Baitang-lake villages, two with a team (one a sub-group, so parent-team counters move too).
const LAKE_VILLAGES = ['baitang-chenqiao', 'baitang-jiangwei', 'baitang-yangwei', '东阳村', '后郭'];
const LAKE_TEAMS = { 'baitang-jiangwei': 'baisha-helper-jiangwei', 'baitang-chenqiao': 'baitang-1' };
const BAD_LINE = 4_321; // header on line 1: the row at index BAD_LINE - 2

jest.setTimeout(180_000);

describe('importHouseholds', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway());
  });
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  async function importAs(username: string, file: Buffer, format: 'CSV' | 'XLSX', extra: object = {}) {
    const started = performance.now();
    const response = await asUser<{ importHouseholds: ImportResult }>(gateway.url, username, IMPORT, {
      input: { fileBase64: file.toString('base64'), format, ...extra },
    });
    return { ...response, ms: Math.round(performance.now() - started) };
  }

  async function householdsWithPrefix(prefix: string): Promise<number> {
    const { rows } = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM household WHERE code LIKE $1`,
      [`${prefix}-%`],
    );
    return rows[0]!.n;
  }

  const counters = () => counterSnapshot(owner);

  function withBadRow(rows: RosterRow[]): RosterRow[] {
    const copy = rows.map((r) => ({ ...r }));
    copy[BAD_LINE - 2]!.idNumber = wrongCheckDigit(copy[BAD_LINE - 2]!.idNumber);
    return copy;
  }

  it('a 10,000-row CSV with one bad ID check digit imports nothing and reports that row by line', async () => {
    const rows = withBadRow(
      rosterRows(10_000, { prefix: 'IMPBADCSV', villages: LAKE_VILLAGES, teams: LAKE_TEAMS }),
    );
    const before = await counters();
    const { data, errors, ms } = await importAs('baitang-lake.commander', toCsv(rows), 'CSV');
    console.log(`[import] 10,000-row CSV with one bad row validated in ${ms} ms`);
    expect(errors).toBeUndefined();
    expect(data?.importHouseholds).toMatchObject({ dryRun: false, totalRows: 10_000, importedRows: 0 });
    expect(data?.importHouseholds.errors).toEqual([
      expect.objectContaining({ line: BAD_LINE, column: '身份证号', code: 'INVALID_ID_NUMBER' }),
    ]);
    expect(await householdsWithPrefix('IMPBADCSV')).toBe(0);
    expect(await counters()).toEqual(before);
  });

  it('a 10,000-row XLSX with one bad row imports nothing and reports that row by worksheet row', async () => {
    const rows = withBadRow(
      rosterRows(10_000, { prefix: 'IMPBADXLS', villages: LAKE_VILLAGES, teams: LAKE_TEAMS }),
    );
    const { data, errors, ms } = await importAs('baitang-lake.commander', await toXlsx(rows), 'XLSX');
    console.log(`[import] 10,000-row XLSX with one bad row validated in ${ms} ms`);
    expect(errors).toBeUndefined();
    expect(data?.importHouseholds.importedRows).toBe(0);
    expect(data?.importHouseholds.errors).toEqual([
      expect.objectContaining({ line: BAD_LINE, code: 'INVALID_ID_NUMBER' }),
    ]);
    expect(await householdsWithPrefix('IMPBADXLS')).toBe(0);
  });

  it('dryRun on a clean file reports no errors and writes nothing at all', async () => {
    const rows = rosterRows(500, { prefix: 'IMPDRY', villages: LAKE_VILLAGES, teams: LAKE_TEAMS });
    const before = await counters();
    const { data } = await importAs('baitang-lake.commander', toCsv(rows), 'CSV', { dryRun: true });
    expect(data?.importHouseholds).toMatchObject({
      dryRun: true,
      totalRows: 500,
      importedRows: 0,
      errors: [],
    });
    expect(data?.importHouseholds.buildingAreaM2).toBeCloseTo(totalCentiM2(rows) / 100, 2);
    expect(await householdsWithPrefix('IMPDRY')).toBe(0);
    expect(await counters()).toEqual(before);
  });

  it('a clean 10,000-row CSV and XLSX import everything; counters rise by exactly their households and area', async () => {
    const before = await counters();
    const csvRows = rosterRows(10_000, {
      prefix: 'IMPCSV',
      villages: LAKE_VILLAGES,
      teams: LAKE_TEAMS,
      seed: 7,
    });
    const csv = await importAs('baitang-lake.commander', toCsv(csvRows), 'CSV');
    console.log(`[import] clean 10,000-row CSV imported in ${csv.ms} ms`);
    expect(csv.errors).toBeUndefined();
    expect(csv.data?.importHouseholds).toMatchObject({ importedRows: 10_000, errors: [] });
    const xlsxRows = rosterRows(10_000, { prefix: 'IMPXLS', villages: LAKE_VILLAGES, seed: 8 });
    const xlsx = await importAs('district.admin', await toXlsx(xlsxRows), 'XLSX');
    console.log(`[import] clean 10,000-row XLSX imported in ${xlsx.ms} ms`);
    expect(xlsx.data?.importHouseholds).toMatchObject({ importedRows: 10_000, errors: [] });
    expect(await householdsWithPrefix('IMPCSV')).toBe(10_000);
    expect(await householdsWithPrefix('IMPXLS')).toBe(10_000);

    const after = await counters();
    const scope = scopeRow;
    const centi = (v: string) => Math.round(Number(v) * 100);
    for (const [kind, code] of [
      ['campaign', 'main'],
      ['headquarters', 'baitang-lake'],
      ['township', 'baitang'],
      ['pairing', 'baisha-baitang'],
    ]) {
      expect(scope(after, kind!, code!).households - scope(before, kind!, code!).households).toBe(20_000);
      expect(
        centi(scope(after, kind!, code!).building_area_m2) -
          centi(scope(before, kind!, code!).building_area_m2),
      ).toBe(totalCentiM2(csvRows) + totalCentiM2(xlsxRows));
      expect(scope(after, kind!, code!).signed).toBe(scope(before, kind!, code!).signed);
    }
    // Sub-group and its parent both count the sub-group's new households.
    const viaSubGroup = csvRows.filter((r) => r.teamCode === 'baisha-helper-jiangwei').length;
    for (const team of ['baisha-helper-jiangwei', 'baisha-helper']) {
      expect(scope(after, 'team', team).households - scope(before, 'team', team).households).toBe(
        viaSubGroup,
      );
    }
    // And everything agrees with a recount from the household rows, as the table owner computes it.
    expect(after).toEqual(await computeProgressCounters(owner));

    const { rows: sample } = await owner.query<{ stage: string; version: number; team: string | null }>(
      `SELECT h.stage, h.version, t.code AS team FROM household h LEFT JOIN work_team t ON t.id = h.team_id
       WHERE h.code = 'IMPCSV-00002'`,
    );
    expect(sample[0]).toEqual({ stage: 'SURVEYED', version: 1, team: 'baisha-helper-jiangwei' });
  });

  it('reports every bad row: duplicates in the file and in the database, villages outside scope, bad cells', async () => {
    const { rows: other } = await owner.query<{ code: string }>(
      `SELECT h.code FROM household h JOIN headquarters q ON q.id = h.headquarters_id WHERE q.code = 'food-park' LIMIT 1`,
    );
    const rows = rosterRows(8, { prefix: 'IMPMIX', villages: LAKE_VILLAGES });
    rows[1]!.code = rows[0]!.code; // line 3 repeats line 2
    rows[2]!.code = other[0]!.code; // taken in another tenant, invisible to this caller
    rows[3]!.village = 'jiangkou-shixi'; // a food-park village: not visible to baitang-lake
    rows[4]!.buildingAreaM2 = '0';
    rows[5]!.landAreaM2 = '12.345';
    rows[6]!.phone = '0594-1234567';
    rows[7]!.teamCode = 'qiulu-food'; // a real team, not working this village
    const { data } = await importAs('baitang-lake.commander', toCsv(rows), 'CSV');
    expect(data?.importHouseholds.importedRows).toBe(0);
    expect(data?.importHouseholds.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'DUPLICATE_IN_FILE'],
      [4, 'DUPLICATE_EXISTS'],
      [5, 'UNKNOWN_VILLAGE'],
      [6, 'INVALID_AREA'],
      [7, 'INVALID_AREA'],
      [8, 'INVALID_PHONE'],
      [9, 'TEAM_NOT_IN_VILLAGE'],
    ]);
    expect(data?.importHouseholds.errors.every((e) => e.messageZh && e.messageEn)).toBe(true);
    expect(await householdsWithPrefix('IMPMIX')).toBe(0);

    // 白沙 sees 白塘's 江尾村 (its helpers work there) but may not import into another township.
    const helper = rosterRows(2, { prefix: 'IMPHLP', villages: ['baitang-jiangwei'] });
    const seen = await importAs('baisha.commander', toCsv(helper), 'CSV');
    expect(seen.data?.importHouseholds.errors.map((e) => e.code)).toEqual([
      'VILLAGE_OUT_OF_SCOPE',
      'VILLAGE_OUT_OF_SCOPE',
    ]);
  });

  it('reads English headers without a BOM and reports missing columns and number-typed ID cells', async () => {
    const rows = rosterRows(3, { prefix: 'IMPENG', villages: ['baitang-houguo'] });
    const english = [...ROSTER_FIELDS];
    const ok = await importAs('baitang.commander', toCsv(rows, { bom: false, headers: english }), 'CSV');
    expect(ok.data?.importHouseholds).toMatchObject({ importedRows: 3, errors: [] });

    const missing = toCsv(rows, {
      headers: ['户号', '户主', '身份证号', '电话', '村', '建筑面积', 'x', 'y'],
    });
    const noLand = await importAs('baitang.commander', missing, 'CSV');
    expect(noLand.data?.importHouseholds.errors).toEqual([
      expect.objectContaining({ line: 1, code: 'MISSING_COLUMN', column: '占地面积' }),
    ]);

    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('roster');
    sheet.addRow(['户号', '户主', '身份证号', '村', '建筑面积', '占地面积']);
    sheet.addRow(['IMPNUM-1', '林海', Number(validIdNumber(5).slice(0, 17)) * 10, 'baitang-houguo', 100, 50]);
    const numeric = await importAs(
      'baitang.commander',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'XLSX',
    );
    expect(numeric.data?.importHouseholds.errors).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'INVALID_ID_NUMBER',
        messageEn: expect.stringMatching(/as a number/),
      }),
    ]);
  });

  it('viewers and cadres may not import (FORBIDDEN), nor a commander into another tenant', async () => {
    const file = toCsv(rosterRows(2, { prefix: 'IMPNO', villages: ['baitang-houguo'] }));
    for (const user of ['baitang.viewer', 'baitang.cadre', 'baitang-lake.viewer']) {
      const { errors } = await importAs(user, file, 'CSV');
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const { errors } = await importAs('baitang.commander', file, 'CSV', { headquartersCode: 'baitang-lake' });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await householdsWithPrefix('IMPNO')).toBe(0);
  });

  it('a database failure half-way (a row the database rejects in the second batch) leaves nothing written', async () => {
    const rows = rosterRows(10_000, { prefix: 'IMPFAIL', villages: LAKE_VILLAGES, teams: LAKE_TEAMS });
    const poisoned = rows[7_500]!.code;
    await owner.query(`CREATE FUNCTION import_test_reject() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure for %', NEW.code; END $$`);
    await owner.query(`CREATE TRIGGER import_poison BEFORE INSERT ON household FOR EACH ROW
      WHEN (NEW.code = '${poisoned}') EXECUTE FUNCTION import_test_reject()`);
    const before = await counters();
    const notified: string[] = [];
    const listener = await owner.connect();
    listener.on('notification', (n) => notified.push(n.payload ?? ''));
    await listener.query('LISTEN hanjiang_live');
    try {
      const { errors } = await importAs('baitang-lake.commander', toCsv(rows), 'CSV');
      expect(errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await owner.query('DROP TRIGGER import_poison ON household');
      await owner.query('DROP FUNCTION import_test_reject()');
    }
    await new Promise((r) => setTimeout(r, 200));
    await listener.query('UNLISTEN *');
    listener.release();
    expect(await householdsWithPrefix('IMPFAIL')).toBe(0);
    expect(await counters()).toEqual(before);
    expect(notified).toEqual([]);
  });

  it('only importHouseholds may exceed the ordinary body limit, and only for callers who may import', async () => {
    const status = async (body: object, username?: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (username) headers.authorization = `Bearer ${await tokenFor(gateway.url, username)}`;
      const response = await fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify(body) });
      await response.arrayBuffer();
      return response.status;
    };
    const padding = 'x'.repeat(300_000);
    expect(await status({ query: `query { townships { code } } # ${padding}` }, 'baitang.commander')).toBe(
      413,
    );
    const file = toCsv(rosterRows(3_000, { prefix: 'IMPVIEW', villages: ['baitang-houguo'] })).toString(
      'base64',
    );
    const body = { query: IMPORT, variables: { input: { fileBase64: file, format: 'CSV', dryRun: true } } };
    expect(file.length).toBeGreaterThan(200_000);
    expect(await status(body, 'baitang.viewer')).toBe(413);
    expect(await status(body)).toBe(413);
    expect(await status(body, 'baitang.commander')).toBe(200);
  });
});
