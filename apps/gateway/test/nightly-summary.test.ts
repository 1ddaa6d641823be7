// Issue 14 part B: tomorrow's plan and tonight's summary, through the real gateway on a clone of the seeded demo.
import { CADRE_TEAM_BY_TENANT } from '@hanjiang/db';
import { addDays, shanghaiDate } from '@hanjiang/domain';
import ExcelJS from 'exceljs';
import { asUser } from './helpers/sessions.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { advance } from './helpers/workflow.js';

const TEAM_DAY = `id day team { id code homeTownship { code } } visits offHoursVisits measurements assessments
  signings signedAreaM2 disputesOpened disputesResolved plannedMeasure plannedAssess fulfilledMeasure
  fulfilledAssess fulfilment`;
const DAILY = `query ($day: String) { dailySummary(day: $day) { day ranAt teams { ${TEAM_DAY} }
  townships { scopeCode teams signings } headquarters { scopeCode teams signings measurements } total { teams signings } } }`;
const PLAN = `mutation ($input: PlanTeamDayInput!) { planTeamDay(input: $input) { id day team { id }
  items { householdId householdCode action assessmentGroup } } }`;
const RUN = 'mutation ($day: String) { runDailySummary(day: $day) { day ran teams } }';

type TeamDay = {
  id: string;
  day: string;
  team: { id: string; code: string; homeTownship: { code: string } | null };
  visits: number;
  offHoursVisits: number;
  measurements: number;
  assessments: number;
  signings: number;
  signedAreaM2: number;
  disputesOpened: number;
  disputesResolved: number;
  plannedMeasure: number;
  fulfilledMeasure: number;
  plannedAssess: number;
  fulfilledAssess: number;
  fulfilment: number | null;
};
type Daily = {
  dailySummary: {
    day: string;
    ranAt: string | null;
    teams: TeamDay[];
    townships: { scopeCode: string; teams: number; signings: number }[];
    headquarters: { scopeCode: string; teams: number; signings: number; measurements: number }[];
    total: { teams: number; signings: number };
  };
};
type Problem = { index: number | null; messageZh: string; messageEn: string };

describe('tonight’s summary and tomorrow’s plan', () => {
  let opened: SeededGateway;
  let url: string;
  const today = shanghaiDate(new Date());
  const yesterday = addDays(today, -1);

  /** A township cadre's team with households left to measure and to assess, and who else is who around it. */
  let w: { tenant: string; teamCode: string; hq: string; otherTownship: string; otherHq: string };

  beforeAll(async () => {
    opened = await openSeededGateway({ SUMMARY_JOBS: '0' });
    url = opened.gateway.url;
    const { rows } = await opened.owner.query<{ tenant: string; team: string; hq: string }>(
      `SELECT s.code AS tenant, t.code AS team, q.code AS hq FROM work_team t
       JOIN township s ON s.id = t.township_id JOIN headquarters q ON q.id = t.headquarters_id
       WHERE (s.code, t.code) IN (SELECT * FROM unnest($1::text[], $2::text[]))
         AND (SELECT count(*) FROM household h WHERE h.team_id = t.id AND h.stage = 'SURVEYED') >= 4
         AND (SELECT count(*) FROM household h WHERE h.team_id = t.id AND h.stage = 'MEASURED') >= 1
       ORDER BY t.code LIMIT 1`,
      [Object.keys(CADRE_TEAM_BY_TENANT), Object.values(CADRE_TEAM_BY_TENANT)],
    );
    const { tenant, team, hq } = rows[0]!;
    const { rows: other } = await opened.owner.query<{ township: string; hq: string }>(
      `SELECT (SELECT code FROM township WHERE code <> $1 AND id NOT IN (SELECT v.township_id FROM village v
                 JOIN team_village tv ON tv.village_id = v.id JOIN work_team t ON t.id = tv.team_id WHERE t.code = $2)
               ORDER BY code LIMIT 1) AS township,
              (SELECT code FROM headquarters WHERE code <> $3 ORDER BY code LIMIT 1) AS hq`,
      [tenant, team, hq],
    );
    w = { tenant, teamCode: team, hq, otherTownship: other[0]!.township, otherHq: other[0]!.hq };
  }, 60_000);
  afterAll(() => closeSeededGateway(opened));

  async function teamOf(code: string): Promise<string> {
    const { rows } = await opened.owner.query<{ id: string }>('SELECT id FROM work_team WHERE code = $1', [
      code,
    ]);
    return rows[0]!.id;
  }

  async function households(teamId: string, stage: string, n: number) {
    const { rows } = await opened.owner.query<{ id: string; code: string; version: number }>(
      `SELECT id, code, version FROM household WHERE team_id = $1 AND stage = $2 ORDER BY code LIMIT $3`,
      [teamId, stage, n],
    );
    expect(rows).toHaveLength(n);
    return rows;
  }

  it('the seed summarised every past day, one row per team, equal to a recount from the events', async () => {
    const { rows: runs } = await opened.owner.query<{ n: number; last: string }>(
      `SELECT count(*)::int AS n, to_char(max(day), 'YYYY-MM-DD') AS last FROM summary_run WHERE finished_at IS NOT NULL`,
    );
    expect(runs[0]).toEqual({ n: 26, last: yesterday });
    const { rows: shape } = await opened.owner.query<{ days: number; rows: number; teams: number }>(
      `SELECT count(DISTINCT day)::int AS days, count(*)::int AS rows, (SELECT count(*)::int FROM work_team) AS teams
       FROM team_day_summary`,
    );
    expect(shape[0]!.days).toBe(26);
    expect(shape[0]!.rows).toBe(26 * shape[0]!.teams);

    // The recount: every ADVANCE event of yesterday, grouped by team here in the test, not in SQL.
    const { rows: events } = await opened.owner.query<{ team: string; to: string; area: string }>(
      `SELECT e.team_id AS team, e.to_stage AS to, h.building_area_m2 AS area
       FROM household_event e JOIN household h ON h.id = e.household_id
       WHERE e.kind = 'ADVANCE' AND e.team_id IS NOT NULL
         AND to_char(e.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') = $1`,
      [yesterday],
    );
    expect(events.length).toBeGreaterThan(0);
    const expected = new Map<string, { m: number; a: number; s: number; area: number }>();
    for (const e of events) {
      const t = expected.get(e.team) ?? { m: 0, a: 0, s: 0, area: 0 };
      if (e.to === 'MEASURED') t.m += 1;
      if (e.to === 'ASSESSED') t.a += 1;
      if (e.to === 'SIGNED') {
        t.s += 1;
        t.area += Math.round(Number(e.area) * 100);
      }
      expected.set(e.team, t);
    }
    const summary = await asUser<Daily>(url, 'district.admin', DAILY, { day: yesterday });
    expect(summary.errors).toBeUndefined();
    const got = summary.data!.dailySummary;
    expect(got.teams.length).toBe(shape[0]!.teams);
    for (const row of got.teams) {
      const want = expected.get(row.team.id) ?? { m: 0, a: 0, s: 0, area: 0 };
      expect([
        row.team.code,
        row.measurements,
        row.assessments,
        row.signings,
        Math.round(row.signedAreaM2 * 100),
      ]).toEqual([row.team.code, want.m, want.a, want.s, want.area]);
    }
    expect(got.total.signings).toBe(events.filter((e) => e.to === 'SIGNED').length);
    // Roll-ups add up: every team works for one headquarters.
    expect(got.headquarters.reduce((n, h) => n + h.signings, 0)).toBe(got.total.signings);
    expect(got.headquarters.reduce((n, h) => n + h.teams, 0)).toBe(got.total.teams);
  });

  it('refuses a plan with every problem at once, in both languages', async () => {
    const team = await teamOf(w.teamCode);
    const [surveyed, surveyed2] = await households(team, 'SURVEYED', 2);
    const { rows: others } = await opened.owner.query<{ id: string }>(
      `SELECT id FROM household WHERE team_id <> $1 AND stage = 'SURVEYED' AND team_id IS NOT NULL LIMIT 1`,
      [team],
    );
    const result = await asUser(url, `${w.tenant}.cadre`, PLAN, {
      input: {
        teamId: team,
        items: [
          { householdId: surveyed!.id, action: 'ASSESS', assessmentGroup: '评估一组' },
          { householdId: surveyed2!.id, action: 'MEASURE' },
          { householdId: others[0]!.id, action: 'MEASURE' },
        ],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ext = result.errors![0]!.extensions!;
    const problems = ext.problems as Problem[];
    expect(problems.map((p) => p.index)).toEqual([0, 2]);
    expect(problems[0]!.messageZh).toBe(`第 1 项:${surveyed!.code} 尚未丈量,不能安排评估`);
    expect(problems[0]!.messageEn).toBe(
      `item 1: ${surveyed!.code} has not been measured yet and cannot be planned for assessment`,
    );
    expect(String(ext.messageZh)).toContain('尚未丈量');
    expect(String(ext.messageEn)).toContain('has not been measured yet');
    // Nothing stored: the seed's plans are for past days only, and the refused one made none from today on.
    const { rows } = await opened.owner.query('SELECT 1 FROM team_plan WHERE team_id = $1 AND day >= $2', [
      team,
      today,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('stores a valid plan for tomorrow; making it again replaces it; others may not plan the team', async () => {
    const team = await teamOf(w.teamCode);
    const [measure] = await households(team, 'SURVEYED', 1);
    const [assess] = await households(team, 'MEASURED', 1);
    const input = {
      teamId: team,
      items: [
        { householdId: measure!.id, action: 'MEASURE' },
        { householdId: assess!.id, action: 'ASSESS', assessmentGroup: '评估一组' },
      ],
    };
    const made = await asUser<{ planTeamDay: { id: string; day: string; items: unknown[] } }>(
      url,
      `${w.tenant}.cadre`,
      PLAN,
      { input },
    );
    expect(made.errors).toBeUndefined();
    expect(made.data!.planTeamDay.day).toBe(addDays(today, 1));
    expect(made.data!.planTeamDay.items).toHaveLength(2);
    const again = await asUser<{ planTeamDay: { id: string; items: unknown[] } }>(
      url,
      `${w.hq}.commander`,
      PLAN,
      {
        input: { ...input, items: input.items.slice(0, 1) },
      },
    );
    expect(again.data!.planTeamDay.id).toBe(made.data!.planTeamDay.id);
    expect(again.data!.planTeamDay.items).toHaveLength(1);
    const refused = await asUser(url, `${w.otherTownship}.commander`, PLAN, { input });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const today_ = await asUser(url, `${w.tenant}.cadre`, PLAN, { input: { ...input, day: today } });
    expect(today_.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Tenancy: the plan is NOT_FOUND outside its team's scope, found inside it.
    const id = made.data!.planTeamDay.id;
    const Q = 'query ($id: ID!) { teamPlan(id: $id) { id } }';
    expect((await asUser(url, `${w.otherTownship}.viewer`, Q, { id })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await asUser(url, `${w.otherHq}.commander`, Q, { id })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await asUser<{ teamPlan: { id: string } }>(url, `${w.tenant}.viewer`, Q, { id })).data?.teamPlan.id,
    ).toBe(id);
  });

  it('on demand: today counted with its plan’s fulfilment and part A’s visits and disputes (recounted)', async () => {
    const team = await teamOf(w.teamCode);
    const [planned, missed] = await households(team, 'SURVEYED', 2);
    // Yesterday evening's plan for today (a plan cannot be made for today through the API any more).
    const { rows: plan } = await opened.owner.query<{ id: string }>(
      `INSERT INTO team_plan (team_id, township_id, headquarters_id, day, planned_by)
       SELECT id, township_id, headquarters_id, $2::date, 'test' FROM work_team WHERE id = $1 RETURNING id`,
      [team, today],
    );
    await opened.owner.query(
      `INSERT INTO team_plan_item (plan_id, household_id, team_id, township_id, headquarters_id, action)
       SELECT $1, h, t.id, t.township_id, t.headquarters_id, 'MEASURE' FROM work_team t, unnest($3::uuid[]) AS h
       WHERE t.id = $2`,
      [plan[0]!.id, team, [planned!.id, missed!.id]],
    );
    expect((await advance(url, `${w.tenant}.cadre`, planned!, 'MEASURED')).errors).toBeUndefined();
    expect((await asUser(url, `${w.tenant}.viewer`, RUN)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageZh: '只有区级管理员和指挥长可以立即生成当日汇总',
      messageEn: 'Only district administrators and commanders may run the daily summary now',
    });
    const run = await asUser<{ runDailySummary: { day: string; ran: boolean; teams: number } }>(
      url,
      `${w.tenant}.commander`,
      RUN,
    );
    expect(run.errors).toBeUndefined();
    expect(run.data!.runDailySummary).toMatchObject({ day: today, ran: true });
    // A township commander re-counts its own teams only: no other tenant's row is written.
    const { rows: mine } = await opened.owner.query<{ written: number; own: number }>(
      `SELECT (SELECT count(*)::int FROM team_day_summary WHERE day = $1) AS written,
              (SELECT count(*)::int FROM work_team t JOIN township s ON s.id = t.township_id WHERE s.code = $2) AS own`,
      [today, w.tenant],
    );
    expect(mine[0]!.written).toBe(mine[0]!.own);
    expect(run.data!.runDailySummary.teams).toBe(mine[0]!.own);
    // Twice on demand is still one row per team.
    await asUser(url, 'district.admin', RUN);
    const { rows: count } = await opened.owner.query<{ n: number; teams: number }>(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM work_team) AS teams FROM team_day_summary WHERE day = $1`,
      [today],
    );
    expect(count[0]!.n).toBe(count[0]!.teams);

    const summary = await asUser<Daily>(url, `${w.tenant}.viewer`, DAILY, { day: today });
    const row = summary.data!.dailySummary.teams.find((t) => t.team.id === team)!;
    // Part A's visits and disputes, recounted from their tables.
    const { rows: fw } = await opened.owner.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM visit WHERE team_id = $1 AND (visited_at AT TIME ZONE 'Asia/Shanghai')::date = $2) AS visits,
              (SELECT count(*)::int FROM visit WHERE team_id = $1 AND off_hours AND (visited_at AT TIME ZONE 'Asia/Shanghai')::date = $2) AS off,
              (SELECT count(*)::int FROM dispute WHERE team_id = $1 AND (opened_at AT TIME ZONE 'Asia/Shanghai')::date = $2) AS opened,
              (SELECT count(*)::int FROM dispute WHERE team_id = $1 AND (resolved_at AT TIME ZONE 'Asia/Shanghai')::date = $2) AS resolved`,
      [team, today],
    );
    expect(row).toMatchObject({
      plannedMeasure: 2,
      fulfilledMeasure: 1,
      fulfilment: 0.5,
      visits: fw[0]!.visits,
      offHoursVisits: fw[0]!.off,
      disputesOpened: fw[0]!.opened,
      disputesResolved: fw[0]!.resolved,
    });
    expect(row.measurements).toBeGreaterThanOrEqual(1);
  });

  it('shows each caller only its scope’s teams; other scopes’ summary ids are NOT_FOUND', async () => {
    const { rows: qiuluTeams } = await opened.owner.query<{ id: string }>(
      `SELECT t.id FROM work_team t JOIN township s ON s.id = t.township_id WHERE s.code = 'qiulu'`,
    );
    const mine = await asUser<Daily>(url, 'qiulu.viewer', DAILY, { day: yesterday });
    const teams = mine.data!.dailySummary.teams;
    expect(teams.map((t) => t.team.id).sort()).toEqual(qiuluTeams.map((t) => t.id).sort());
    expect(mine.data!.dailySummary.townships.map((t) => t.scopeCode)).toEqual(['qiulu']);
    const { rows: foreign } = await opened.owner.query<{ id: string }>(
      `SELECT s.id FROM team_day_summary s JOIN township t ON t.id = s.township_id WHERE t.code = 'baisha' LIMIT 1`,
    );
    expect(foreign).toHaveLength(1);
    const Q = 'query ($id: ID!) { teamDaySummary(id: $id) { id } }';
    expect((await asUser(url, 'qiulu.viewer', Q, { id: foreign[0]!.id })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await asUser(url, 'baisha.viewer', Q, { id: foreign[0]!.id })).errors).toBeUndefined();
  });

  it('exports the caller’s scope as XLSX that exceljs opens', async () => {
    const X = 'query ($day: String) { dailySummaryXlsx(day: $day) { filename contentBase64 } }';
    const result = await asUser<{ dailySummaryXlsx: { filename: string; contentBase64: string } }>(
      url,
      'qiulu.viewer',
      X,
      { day: yesterday },
    );
    expect(result.data!.dailySummaryXlsx.filename).toBe(`summary-${yesterday}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(result.data!.dailySummaryXlsx.contentBase64, 'base64') as unknown as ArrayBuffer,
    );
    const sheet = book.getWorksheet('工作组 Teams')!;
    const codes = sheet
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[])[2]);
    const { rows } = await opened.owner.query<{ code: string }>(
      `SELECT t.code FROM work_team t JOIN township s ON s.id = t.township_id WHERE s.code = 'qiulu' ORDER BY t.code`,
    );
    expect([...codes].sort()).toEqual(rows.map((r) => r.code));
    const rollups = book.getWorksheet('汇总 Roll-up')!;
    expect(rollups.getRow(2).getCell(3).value).toBe('qiulu');
  });
});
