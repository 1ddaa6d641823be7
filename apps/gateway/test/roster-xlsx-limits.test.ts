import type pg from 'pg';
import { isKnownHeader } from '../src/modules/roster/roster.columns.js';
import { MAX_BLANK_ROWS_BEFORE_CONTENT, readXlsxRows } from '../src/modules/roster/roster.xlsx.js';
import type { Gateway } from '../src/server.js';
import { lastColumnRows, rawXlsx, rosterSheetRows } from './fixtures/xlsx-raw.js';
import { validIdNumber } from './fixtures/roster.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser } from './helpers/sessions.js';

// Issue 13, item 2: a 247 KB workbook of 50,000 rows with one cell each in column XFD drove the gateway out of
// memory (4.2 GB), because each row was expanded to its last column. The reader now streams, reads only the
// roster's columns, and checks caps (declared dimension, rows, cells) before anything is expanded.

const IMPORT = `mutation ImportHouseholds($input: ImportHouseholdsInput!) {
  importHouseholds(input: $input) { totalRows importedRows errors { line column code } }
}`;

interface ImportAnswer {
  importHouseholds: { totalRows: number; importedRows: number; errors: { line: number; code: string }[] };
}

/** Resident-set growth is a generous bound (the old reader grew by gigabytes), never a timing. */
const MAX_GROWTH_BYTES = 300 * 1024 * 1024;

jest.setTimeout(180_000);

describe('XLSX roster limits', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway());
  });
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  /** Imports `file` (dry run) while sampling this process's RSS — the gateway runs in it. */
  async function importMeasured(file: Buffer) {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const answer = await asUser<ImportAnswer>(gateway.url, 'baitang-lake.commander', IMPORT, {
        input: { fileBase64: file.toString('base64'), format: 'XLSX', dryRun: true },
      });
      peak = Math.max(peak, process.memoryUsage().rss);
      return { ...answer, growth: peak - before };
    } finally {
      clearInterval(sampler);
    }
  }

  it('50,000 rows with one cell each in column XFD (a 250 KB file): refused as empty, memory bounded', async () => {
    const file = rawXlsx(lastColumnRows(50_000));
    expect(file.length).toBeLessThan(300 * 1024);
    const { data, errors, growth } = await importMeasured(file);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors?.[0]?.message).toMatch(/empty/);
    expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
  });

  it('a 10,000-row roster with a note in column XFD on every row: only the roster columns are read', async () => {
    const header = ['户号', '户主', '身份证号', '村', '建筑面积', '占地面积'];
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      `XFD-${i + 1}`,
      '林海',
      validIdNumber(i + 11),
      'baitang-chenqiao',
      100,
      50,
    ]);
    // Every data row also carries a note in the last column Excel has.
    const sheet = rosterSheetRows(header, rows).replace(
      /<row r="(\d+)">(.*?)<\/row>/g,
      '<row r="$1">$2<c r="XFD$1" t="inlineStr"><is><t>备注</t></is></c></row>',
    );
    const { data, errors, growth } = await importMeasured(rawXlsx(sheet));
    expect(errors).toBeUndefined();
    expect(data?.importHouseholds.totalRows).toBe(10_000);
    expect(data?.importHouseholds.errors).toEqual([]);
    expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
  });

  it('a sheet whose <dimension> claims A1:XFD1048576 is refused before any row is read, naming the cap', async () => {
    const { data, errors } = await importMeasured(rawXlsx(lastColumnRows(3), { dimension: 'A1:XFD1048576' }));
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageZh: expect.stringContaining('A1:XFD1048576'),
    });
    expect(errors?.[0]?.extensions?.messageZh).toMatch(/50012 行上限/);
    expect(errors?.[0]?.message).toMatch(/limit of 50012 rows/);
  });

  it('more than a million cells (10,001 rows × 100 empty-ish cells, 60 KB zipped) are refused, naming the cap', async () => {
    const wide = Array.from(
      { length: 10_001 },
      (_, r) => `<row r="${r + 1}">${'<c><v>1</v></c>'.repeat(100)}</row>`,
    ).join('');
    const { data, errors, growth } = await importMeasured(rawXlsx(wide));
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errors?.[0]?.message).toMatch(/more than 1000000 cells/);
    expect(errors?.[0]?.extensions?.messageZh).toMatch(/1000000 个单元格上限/);
    expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
  });

  it('answers other requests while a hostile workbook is being read', async () => {
    const hostile = importMeasured(rawXlsx(lastColumnRows(50_000)));
    const other = await asUser<{ campaign: { day: number } }>(
      gateway.url,
      'baisha.viewer',
      '{ campaign { day } }',
    );
    expect(other.errors).toBeUndefined();
    expect(other.data?.campaign.day).toEqual(expect.any(Number));
    expect((await hostile).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('XLSX reader bounds (no database)', () => {
  const options = { maxRows: 50_012, maxTitleRows: 10, knows: isKnownHeader };

  it('refuses a cell longer than Excel allows (32,767 characters), naming the cap', async () => {
    const sheet = rosterSheetRows(['户号', '户主', '身份证号'], [['A-1', 'x'.repeat(40_000), '1']]);
    await expect(readXlsxRows(rawXlsx(sheet), options)).rejects.toMatchObject({
      message: expect.stringMatching(/more than 32767 characters/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it(`stops reading a sheet after ${MAX_BLANK_ROWS_BEFORE_CONTENT} rows with nothing in the columns read: it counts as empty`, async () => {
    const roster = rosterSheetRows(['户号', '户主', '身份证号'], [['A-1', '林海', '1']]);
    const after = (blank: number) => readXlsxRows(rawXlsx(lastColumnRows(blank, 3) + roster), options);
    expect(await after(MAX_BLANK_ROWS_BEFORE_CONTENT)).toHaveLength(2);
    expect(await after(MAX_BLANK_ROWS_BEFORE_CONTENT + 1)).toEqual([]);
  });
});
