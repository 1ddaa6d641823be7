// Issue 14: the 推进会 progress report (XLSX), through the real gateway on a clone of the seeded demo. Its figures
// are checked against a recount from the tables (events, visits, disputes, escalations) by the owner, which RLS
// does not filter; and a commander of another area gets FORBIDDEN and no file.
import { addDays, shanghaiDate } from '@hanjiang/domain';
import ExcelJS from 'exceljs';
import { asUser } from './helpers/sessions.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';

const REPORT = `query ($kind: ReportScopeKind!, $code: String!, $from: String!, $to: String!) {
  progressReportXlsx(scopeKind: $kind, code: $code, from: $from, to: $to) { filename contentBase64 } }`;
type Report = { progressReportXlsx: { filename: string; contentBase64: string } | null };

/** The period's bounds as the database computes them from Shanghai days ($2 from, $3 to). */
const BOUNDS = `(($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const END = `((($3::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const SIGNED = `h.stage IN ('SIGNED', 'VACATED', 'DEMOLISHED')`;

async function open(contentBase64: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  return book;
}

/** A sheet's rows below the heading, as arrays of cell values (1-based, as exceljs gives them). */
function rows(book: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getSheetValues().slice(2) as unknown[][];
}

/** The value of an item on the progress sheet, by its heading. */
function item(book: ExcelJS.Workbook, heading: string): unknown {
  return rows(book, '进度 Progress').find((r) => r[1] === heading)?.[2];
}

describe('the 推进会 progress report', () => {
  let opened: SeededGateway;
  let url: string;
  let from: string;
  const to = addDays(shanghaiDate(new Date()), -1);

  beforeAll(async () => {
    opened = await openSeededGateway({ SUMMARY_JOBS: '0' });
    url = opened.gateway.url;
    const { rows: c } = await opened.owner.query<{ start: string }>(
      `SELECT start_date::text AS start FROM campaign LIMIT 1`,
    );
    from = c[0]!.start;
  }, 60_000);
  afterAll(() => closeSeededGateway(opened));

  it('gives a headquarters commander its own area, with figures equal to a recount', async () => {
    const result = await asUser<Report>(url, 'baitang-lake.commander', REPORT, {
      kind: 'HEADQUARTERS',
      code: 'baitang-lake',
      from,
      to,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.progressReportXlsx!.filename).toBe(`progress-report-baitang-lake-${from}-${to}.xlsx`);
    const book = await open(result.data!.progressReportXlsx!.contentBase64);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '进度 Progress',
      '工作组 Teams',
      '矛盾纠纷 Disputes',
      '症结难题 Escalations',
      '四察四看 Inspection',
    ]);

    // Progress: households and their area, and signings recounted from the events (a SIGNED advance in time).
    const { rows: p } = await opened.owner.query<{
      n: number;
      area: number;
      signed: number;
      inPeriod: number;
    }>(
      `SELECT count(*)::int AS n, sum(h.building_area_m2)::float8 AS area,
         coalesce(sum(h.building_area_m2) FILTER (WHERE ${SIGNED} AND s.at < ${END}), 0)::float8 AS signed,
         count(*) FILTER (WHERE ${SIGNED} AND s.at >= ${BOUNDS} AND s.at < ${END})::int AS "inPeriod"
       FROM household h JOIN headquarters q ON q.id = h.headquarters_id
       LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM household_event e
         WHERE e.household_id = h.id AND e.kind = 'ADVANCE' AND e.to_stage = 'SIGNED') s ON true
       WHERE q.code = $1`,
      ['baitang-lake', from, to],
    );
    expect(item(book, '征迁户 Households')).toBe(p[0]!.n);
    expect(item(book, '目标面积 m² Target area')).toBeCloseTo(p[0]!.area, 2);
    expect(item(book, '已签约面积 m² Signed area')).toBeCloseTo(p[0]!.signed, 2);
    expect(item(book, '本期签约户 Signings in period')).toBe(p[0]!.inPeriod);
    expect(p[0]!.inPeriod).toBeGreaterThan(0);

    // Teams: the headquarters' teams, their visits recounted from the visit log.
    const { rows: v } = await opened.owner.query<{ code: string; visits: number }>(
      `SELECT t.code, count(v.id)::int AS visits FROM work_team t JOIN headquarters q ON q.id = t.headquarters_id
       LEFT JOIN visit v ON v.team_id = t.id AND v.visited_at >= ${BOUNDS} AND v.visited_at < ${END}
       WHERE q.code = $1 GROUP BY t.code ORDER BY t.code`,
      ['baitang-lake', from, to],
    );
    const teams = rows(book, '工作组 Teams');
    expect(teams.map((r) => [r[1], r[3]])).toEqual(v.map((r) => [r.code, r.visits]));
    expect(v.some((r) => r.visits > 0)).toBe(true);

    // Disputes opened, resolved and still open at the end of the period.
    const { rows: d } = await opened.owner.query<{ opened: number; resolved: number; open: number }>(
      `SELECT (SELECT count(*) FROM dispute d WHERE d.headquarters_id = q.id
                 AND d.opened_at BETWEEN ${BOUNDS} AND ${END} - interval '1 microsecond')::int AS opened,
              (SELECT count(*) FROM dispute d WHERE d.headquarters_id = q.id
                 AND d.resolved_at BETWEEN ${BOUNDS} AND ${END} - interval '1 microsecond')::int AS resolved,
              (SELECT count(*) FROM dispute d WHERE d.headquarters_id = q.id AND d.opened_at < ${END}
                 AND (d.resolved_at IS NULL OR d.resolved_at >= ${END}))::int AS open
       FROM headquarters q WHERE q.code = $1`,
      ['baitang-lake', from, to],
    );
    expect(rows(book, '矛盾纠纷 Disputes')[0]!.slice(1, 4)).toEqual([
      d[0]!.opened,
      d[0]!.resolved,
      d[0]!.open,
    ]);
    expect(d[0]!.opened).toBeGreaterThan(0);

    // 四察四看: the headquarters' rank among headquarters in the latest period recorded by the end.
    const { rows: i } = await opened.owner.query<{ period: string; rank: number; of: number }>(
      `SELECT period, rank, of FROM (SELECT i.period, i.headquarters_id,
           rank() OVER (PARTITION BY i.period ORDER BY i.score DESC)::int AS rank,
           count(*) OVER (PARTITION BY i.period)::int AS of
         FROM inspection i WHERE i.target_kind = 'headquarters' AND i.recorded_at < ${END}) r
       JOIN headquarters q ON q.id = r.headquarters_id
       WHERE q.code = $1 AND $2::date <= $3::date ORDER BY period DESC LIMIT 1`,
      ['baitang-lake', from, to],
    );
    const hqRank = rows(book, '四察四看 Inspection').find((r) => r[2] === 'headquarters');
    expect(hqRank && [hqRank[1], hqRank[3], hqRank[5], hqRank[6]]).toEqual([
      i[0]!.period,
      '白塘湖片区',
      i[0]!.rank,
      i[0]!.of,
    ]);

    // Escalations still open at the end, oldest first.
    const { rows: e } = await opened.owner.query<{ description: string; raisedInPeriod: number }>(
      `SELECT e.description, (SELECT count(*) FROM escalation x WHERE x.headquarters_id = q.id
         AND x.raised_at >= ${BOUNDS} AND x.raised_at < ${END})::int AS "raisedInPeriod" FROM escalation e
       JOIN headquarters q ON q.id = e.headquarters_id
       WHERE q.code = $1 AND e.raised_at < ${END} AND (e.closed_at IS NULL OR e.closed_at >= ${END})
       ORDER BY e.raised_at, e.id`,
      ['baitang-lake', from, to],
    );
    const escalations = rows(book, '症结难题 Escalations');
    expect(escalations.slice(0, e.length).map((r) => r[3])).toEqual(e.map((r) => r.description));
    // After the open ones: a blank row, then the period's counts.
    expect(escalations[e.length]).toBeUndefined();
    expect(escalations[e.length + 1]!.slice(1, 3)).toEqual([
      '本期上报 Raised in period',
      e[0]?.raisedInPeriod ?? 0,
    ]);
    expect(e.length).toBeGreaterThan(0);
  });

  it('gives the district any township, with that township’s own teams', async () => {
    const result = await asUser<Report>(url, 'district.inspector', REPORT, {
      kind: 'TOWNSHIP',
      code: 'baisha',
      from,
      to,
    });
    expect(result.errors).toBeUndefined();
    const book = await open(result.data!.progressReportXlsx!.contentBase64);
    const { rows: t } = await opened.owner.query<{ code: string }>(
      `SELECT t.code FROM work_team t JOIN township s ON s.id = t.township_id WHERE s.code = 'baisha' ORDER BY t.code`,
    );
    expect(rows(book, '工作组 Teams').map((r) => r[1])).toEqual(t.map((r) => r.code));
    expect(item(book, '范围 Area')).toBe('白沙镇 (baisha)');
  });

  it.each([
    ['food-park.commander', 'HEADQUARTERS', 'baitang-lake'],
    ['baitang-lake.viewer', 'HEADQUARTERS', 'baitang-lake'],
    ['baisha.commander', 'TOWNSHIP', 'baitang'],
    ['baitang.commander', 'HEADQUARTERS', 'baitang-lake'],
  ])('refuses %s the report of %s %s: FORBIDDEN, no file', async (user, kind, code) => {
    const result = await asUser<Report>(url, user, REPORT, { kind, code, from, to });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors![0]!.extensions!.messageZh).toBe('只有本单位指挥长和区级可以查看推进会报告');
    expect(result.data?.progressReportXlsx ?? null).toBeNull();
  });

  it('refuses a malformed period and an unknown area', async () => {
    const backwards = await asUser<Report>(url, 'baitang-lake.commander', REPORT, {
      kind: 'HEADQUARTERS',
      code: 'baitang-lake',
      from: to,
      to: from,
    });
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await asUser<Report>(url, 'district.admin', REPORT, {
      kind: 'TOWNSHIP',
      code: 'baitang-lake',
      from,
      to,
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
