import { addDays, campaignDay, isValidChineseIdNumber, isValidMobilePhone } from '@hanjiang/domain';
import { computeProgressCounters, DEMO_ACCOUNTS, recountProgress, verifyPassword } from '../src/index.js';
import { AlreadySeededError, DEMO_CAMPAIGN_DAY, isSeeded, seedDemo } from '../src/seed/index.js';
import { SEED_INVARIANTS } from './seed-helpers/invariants.js';
import { groupByRecount, type CounterRow } from './seed-helpers/group-by-recount.js';
import { DEMO_PASSWORD, rows, seededDatabase, type SeededDatabase } from './seed-helpers/seeded-database.js';

jest.setTimeout(120_000);

// 11:30 in Shanghai: day 27 has had a morning of work, and nothing may be later than this.
const NOW = new Date('2025-11-20T03:30:00Z');
const byScope = (a: CounterRow, b: CounterRow): number =>
  `${a.scope_kind}:${a.scope_code}` < `${b.scope_kind}:${b.scope_code}` ? -1 : 1;

describe('seedDemo (scale 1)', () => {
  let first: SeededDatabase;
  let second: SeededDatabase;

  beforeAll(async () => {
    first = await seededDatabase(NOW);
    console.log(`seedDemo at scale 1 took ${first.summary.durationMs} ms`, JSON.stringify(first.summary));
    second = await seededDatabase(NOW);
  });

  afterAll(async () => {
    await first?.drop();
    await second?.drop();
  });

  const q = <T extends object>(sql: string, params: unknown[] = []) =>
    rows<T & Record<string, unknown>>(first.pool, sql, params);

  it('puts 白塘湖片区 in 9 villages of 白塘镇 with the article’s figures', async () => {
    const villages = await q<{ name_zh: string; township: string }>(
      `SELECT v.name_zh, t.code AS township FROM village v JOIN headquarters q ON q.id = v.headquarters_id
       JOIN township t ON t.id = v.township_id WHERE q.code = 'baitang-lake'`,
    );
    expect(villages).toHaveLength(9);
    expect(new Set(villages.map((v) => v.township))).toEqual(new Set(['baitang']));
    for (const name of ['陈桥', '江尾', '集奎', '洋尾'])
      expect(villages.some((v) => v.name_zh.includes(name))).toBe(true);
    const [lake] = await q<{ n: number; building: string; land: string }>(
      `SELECT count(*)::int AS n, sum(building_area_m2) AS building, sum(land_area_m2) AS land
       FROM household h JOIN headquarters q ON q.id = h.headquarters_id WHERE q.code = 'baitang-lake'`,
    );
    expect(Math.abs(lake!.n - 3875)).toBeLessThanOrEqual(3875 * 0.05);
    expect(Math.abs(Number(lake!.building) - 1_850_000)).toBeLessThanOrEqual(1_850_000 * 0.01);
    expect(Math.abs(Number(lake!.land) - 1_458_000)).toBeLessThanOrEqual(1_458_000 * 0.01);
  });

  it('has enough building area for the 3 M m² target, every township and headquarters populated', async () => {
    const [total] = await q<{ area: string; n: number }>(
      'SELECT sum(building_area_m2) AS area, count(*)::int AS n FROM household',
    );
    expect(Number(total!.area)).toBeGreaterThanOrEqual(3_000_000);
    expect(total!.n).toBeGreaterThanOrEqual(8_000);
    expect(total!.n).toBeLessThanOrEqual(10_000);
    const empty = await q(
      `SELECT code FROM township t WHERE NOT EXISTS (SELECT 1 FROM household h WHERE h.township_id = t.id)
       UNION ALL SELECT code FROM headquarters q WHERE (SELECT count(*) FROM village v WHERE v.headquarters_id = q.id) < 2`,
    );
    expect(empty).toEqual([]);
    const [cadres] = await q<{ n: number }>('SELECT count(*)::int AS n FROM cadre');
    expect(cadres!.n).toBeGreaterThanOrEqual(500);
  });

  it('gives valid ID numbers (GB 11643) and mobile numbers', async () => {
    const people = await q<{ owner_id_number: string; phone: string }>(
      'SELECT owner_id_number, phone FROM household',
    );
    expect(
      people.filter(
        (p) => !isValidChineseIdNumber(p.owner_id_number, NOW) || !p.owner_id_number.startsWith('350303'),
      ),
    ).toEqual([]);
    expect(people.filter((p) => !isValidMobilePhone(p.phone))).toEqual([]);
  });

  it('is deterministic: the same scale and now give the same households, events and milestones', async () => {
    const queries = [
      `SELECT code, owner_name, owner_id_number, phone, stage, version, building_area_m2, land_area_m2,
              assessed_amount_fen, agreed_amount_fen, compensation_choice, signed_at FROM household ORDER BY code`,
      `SELECT h.code, e.version, e.to_stage, e.occurred_at, e.actor_subject, e.request_hash
       FROM household_event e JOIN household h ON h.id = e.household_id ORDER BY e.seq`,
      'SELECT scope_kind, scope_code, kind, threshold, reached_at FROM milestone ORDER BY seq',
    ];
    for (const sql of queries) expect(await rows(second.pool, sql)).toEqual(await rows(first.pool, sql));
  });

  it('keeps counters equal to recountProgress and to an independent GROUP BY recount', async () => {
    const stored = (
      await q<CounterRow>(`SELECT scope_kind, scope_code, households, measured, assessed, signed, vacated, demolished,
                           building_area_m2, signed_area_m2 FROM progress_counter`)
    ).sort(byScope);
    expect((await computeProgressCounters(first.pool)).sort(byScope)).toEqual(stored);
    expect(await recountProgress(first.pool)).toEqual({ countersChanged: 0, dailyChanged: 0 });
    expect(await groupByRecount(first.pool)).toEqual(stored.filter((r) => r.households > 0));

    const daily = await q<{ day: string; signed: number; area: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, signed, signed_area_m2::text AS area FROM progress_daily
       WHERE scope_kind = 'campaign' ORDER BY day`,
    );
    const fromEvents = await q<{ day: string; signed: number; area: string }>(
      `SELECT to_char((e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day, count(*)::int AS signed,
              sum(h.building_area_m2)::numeric(14,2)::text AS area
       FROM household_event e JOIN household h ON h.id = e.household_id WHERE e.to_stage = 'SIGNED' GROUP BY 1 ORDER BY 1`,
    );
    expect(daily).toEqual(fromEvents);
  });

  it('records the article’s teams: 大学城片区征迁一组 first to 100 % on day 13, 江尾分组 100 %, 集奎分组 90 %+', async () => {
    const [campaign] = await q<{ start: string }>(
      `SELECT to_char(start_date, 'YYYY-MM-DD') AS start FROM campaign`,
    );
    expect(campaignDay(campaign!.start, NOW)).toBe(27);
    const firsts = await q<{ name_zh: string; reached_at: Date }>(
      `SELECT t.name_zh, m.reached_at FROM milestone m JOIN work_team t ON t.code = m.scope_code
       WHERE m.kind = 'FIRST_TEAM_FULL_MEASUREMENT'`,
    );
    expect(firsts.map((f) => f.name_zh)).toEqual(['大学城片区征迁一组']);
    expect(campaignDay(campaign!.start, firsts[0]!.reached_at)).toBe(13);
    const earlier = await q(
      `SELECT 1 FROM milestone WHERE scope_kind = 'team' AND kind = 'MEASURED_PCT' AND threshold = 100 AND reached_at < $1
       AND scope_code <> 'qwb-squad-1'`,
      [firsts[0]!.reached_at],
    );
    expect(earlier).toEqual([]);
    const pct = async (name: string): Promise<number> => {
      const [row] = await q<{ households: number; measured: number }>(
        `SELECT c.households, c.measured FROM progress_counter c JOIN work_team t ON t.code = c.scope_code
         WHERE c.scope_kind = 'team' AND t.name_zh = $1`,
        [name],
      );
      return (row!.measured / row!.households) * 100;
    };
    expect(await pct('江尾分组')).toBe(100);
    expect(await pct('集奎分组')).toBeGreaterThanOrEqual(90);
    expect(await pct('集奎分组')).toBeLessThan(100);
    const [signed] = await q<{ area: string }>(
      `SELECT signed_area_m2 AS area FROM progress_counter WHERE scope_kind = 'campaign'`,
    );
    expect(Number(signed!.area)).toBeGreaterThan(500_000);
    expect(Number(signed!.area)).toBeLessThan(900_000);
    const area = await q(`SELECT 1 FROM milestone WHERE kind = 'CAMPAIGN_AREA' AND threshold = 500000`);
    expect(area).toHaveLength(1);
  });

  it('has signings on every day from day 1 to today, rising, and some today already', async () => {
    const perDay = await q<{ day: number; signed: number }>(
      `SELECT d.day, coalesce(p.signed, 0)::int AS signed
       FROM campaign c CROSS JOIN generate_series(1, $1::int) AS d(day)
       LEFT JOIN progress_daily p ON p.scope_kind = 'campaign' AND p.scope_code = 'main'
                                 AND p.day = c.start_date + (d.day - 1)`,
      [DEMO_CAMPAIGN_DAY],
    );
    expect(perDay).toHaveLength(27);
    expect(perDay.filter((d) => d.signed <= 0)).toEqual([]);
    // A ramp, not a stall: the last week signs more than the first, and today (a morning's work) is not empty.
    const week = (from: number) =>
      perDay.filter((d) => d.day >= from && d.day < from + 7).reduce((sum, d) => sum + d.signed, 0);
    expect(week(21)).toBeGreaterThan(week(1));
    expect(perDay[26]!.signed).toBeGreaterThan(0);
  });

  it('plans every past day from the work then done: the plan rule kept, most of it fulfilled, some missed', async () => {
    // Assessment planned only for households measured before the evening the plan was made (the day before).
    const broken = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM team_plan_item i JOIN team_plan p ON p.id = i.plan_id
       WHERE i.action = 'ASSESS' AND NOT EXISTS (SELECT 1 FROM household_event e WHERE e.household_id = i.household_id
         AND e.kind = 'ADVANCE' AND e.to_stage = 'MEASURED' AND e.occurred_at < p.created_at)`,
    );
    expect(broken[0]!.n).toBe(0);
    // Past days only (today's and tomorrow's plans are the team lead's), each a team the household belongs to.
    const [span] = await q<{ first: string; last: string; foreign: number; teams: number }>(
      `SELECT min(p.day)::text AS first, max(p.day)::text AS last, count(DISTINCT p.team_id)::int AS teams,
         count(*) FILTER (WHERE h.team_id IS DISTINCT FROM i.team_id)::int AS foreign
       FROM team_plan p JOIN team_plan_item i ON i.plan_id = p.id JOIN household h ON h.id = i.household_id`,
    );
    expect(span).toMatchObject({ first: first.summary.campaignStartDate, foreign: 0 });
    expect(span!.last < addDays(first.summary.campaignStartDate, DEMO_CAMPAIGN_DAY - 1)).toBe(true);
    expect(span!.teams).toBeGreaterThan(10);
    // The summaries count it: realistic fulfilment, neither all nor nothing.
    const [total] = await q<{ planned: number; fulfilled: number }>(
      `SELECT sum(planned_measure + planned_assess)::int AS planned,
         sum(fulfilled_measure + fulfilled_assess)::int AS fulfilled FROM team_day_summary`,
    );
    const rate = total!.fulfilled / total!.planned;
    expect(total!.planned).toBeGreaterThan(1000);
    expect(rate).toBeGreaterThan(0.7);
    expect(rate).toBeLessThan(0.95);
    expect(first.summary.plans).toBeGreaterThan(0);
    const plans = `SELECT p.id, t.code, p.day, p.created_at, h.code AS household, i.action, i.assessment_group
      FROM team_plan p JOIN work_team t ON t.id = p.team_id JOIN team_plan_item i ON i.plan_id = p.id
      JOIN household h ON h.id = i.household_id ORDER BY t.code, p.day, h.code`;
    expect(await rows(second.pool, plans)).toEqual(await rows(first.pool, plans));
  });

  it('has every one of the 48 district units second cadres to the front, 500 and more in all', async () => {
    const units = await q<{ code: string; cadres: number }>(
      `SELECT u.code, count(c.id)::int AS cadres FROM district_unit u
       LEFT JOIN cadre c ON c.home_unit_id = u.id GROUP BY u.code ORDER BY u.code`,
    );
    expect(units).toHaveLength(48);
    expect(units.filter((u) => u.cadres === 0)).toEqual([]);
    // 区直48个单位500多名干部; the README gives the figures.
    expect(units.reduce((sum, u) => sum + u.cadres, 0)).toBe(514);
    const [all] = await q<{ n: number }>('SELECT count(*)::int AS n FROM cadre');
    expect(all!.n).toBe(903);
    // Still the README's 51 teams, and each team's member count is the cadres it holds (its sub-groups' for a parent).
    const [teams] = await q<{ n: number }>('SELECT count(*)::int AS n FROM work_team');
    expect(teams!.n).toBe(51);
    const miscounted = await q(
      `SELECT t.code FROM work_team t
       WHERE t.member_count <> (SELECT count(*) FROM cadre c JOIN work_team m ON m.id = c.team_id
                                WHERE m.id = t.id OR m.parent_id = t.id)`,
    );
    expect(miscounted).toEqual([]);
  });

  it('projects every household from its events, and keeps teams, villages and sites consistent', async () => {
    for (const [invariant, sql] of Object.entries(SEED_INVARIANTS)) {
      expect({ invariant, breaking: await q(sql, sql.includes('$1') ? [NOW] : []) }).toEqual({
        invariant,
        breaking: [],
      });
    }
  });

  it('creates the demo accounts, with cadres in teams of their tenant', async () => {
    const accounts = await q<{ username: string; password_hash: string }>(
      'SELECT username, password_hash FROM user_account WHERE demo',
    );
    expect(accounts.map((a) => a.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(accounts.length).toBeGreaterThanOrEqual(53);
    await expect(verifyPassword(DEMO_PASSWORD, accounts[0]!.password_hash)).resolves.toBe(true);
    const cadres = await q<{ username: string; team: string }>(
      `SELECT u.username, t.name_zh AS team FROM membership m JOIN user_account u ON u.id = m.user_id
       JOIN work_team t ON t.id = m.team_id WHERE m.role = 'cadre'`,
    );
    expect(cadres).toHaveLength(17);
    expect(cadres).toEqual(
      expect.arrayContaining([
        { username: 'university-town.cadre', team: '大学城片区征迁一组' },
        { username: 'baisha.cadre', team: '江尾分组' },
      ]),
    );
    const zhang =
      await q(`SELECT m.tenant_code, m.role, m.is_default FROM membership m JOIN user_account u ON u.id = m.user_id
                           WHERE u.username = 'zhang.guoshun' ORDER BY m.is_default DESC`);
    expect(zhang).toEqual([
      { tenant_code: 'baisha', role: 'commander', is_default: true },
      { tenant_code: 'baitang', role: 'viewer', is_default: false },
    ]);
  });

  it('refuses to seed twice and leaves the first seed untouched', async () => {
    expect(await isSeeded(first.pool)).toBe(true);
    await expect(seedDemo(first.pool, { demoPassword: DEMO_PASSWORD, now: NOW })).rejects.toBeInstanceOf(
      AlreadySeededError,
    );
    const [count] = await q<{ n: number }>('SELECT count(*)::int AS n FROM household');
    expect(count!.n).toBe(first.summary.households);
  });
});
