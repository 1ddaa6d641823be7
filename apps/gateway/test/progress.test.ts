import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';
import { asUser } from './helpers/sessions.js';

type Row = { scopeCode: string; name: string; households: number; signed: number; signedToday: number };

describe('progress and boards: one statement per scope kind, the same numbers as the counters', () => {
  let opened: SeededGateway;
  beforeAll(async () => {
    opened = await openSeededGateway();
  });
  afterAll(() => closeSeededGateway(opened));

  it.each([
    ['HEADQUARTERS', 'headquarters'],
    ['TOWNSHIP', 'township'],
    ['PAIRING', 'pairing'],
    ['TEAM', 'team'],
  ])('the %s board has every %s counter, named, and progress(…) agrees row by row', async (board, kind) => {
    const { data, errors } = await asUser<{ leaderboard: Row[] }>(
      opened.gateway.url,
      'district.inspector',
      `{ leaderboard(board: ${board}) { scopeCode name households signed signedToday } }`,
    );
    expect(errors).toBeUndefined();
    const rows = data!.leaderboard;
    const { rows: counters } = await opened.owner.query<{
      scope_code: string;
      households: number;
      signed: number;
    }>(
      'SELECT scope_code, households, signed FROM progress_counter WHERE scope_kind = $1 ORDER BY scope_code',
      [kind],
    );
    expect(rows.map((r) => [r.scopeCode, r.households, r.signed]).sort()).toEqual(
      counters.map((c) => [c.scope_code, c.households, c.signed]).sort(),
    );
    expect(rows.every((r) => r.name.length > 0)).toBe(true);
    const first = rows[0]!;
    const single = await asUser<{ progress: Row | null }>(
      opened.gateway.url,
      'district.inspector',
      'query ($k: String!, $c: String!) { progress(scopeKind: $k, scopeCode: $c) { scopeCode households signed signedToday } }',
      { k: kind, c: first.scopeCode },
    );
    expect(single.data?.progress).toEqual({
      scopeCode: first.scopeCode,
      households: first.households,
      signed: first.signed,
      signedToday: first.signedToday,
    });
  });

  it('names PAIRING rows in Chinese by their two townships, never by the slug', async () => {
    const { data, errors } = await asUser<{ leaderboard: Row[] }>(
      opened.gateway.url,
      'district.inspector',
      '{ leaderboard(board: PAIRING) { scopeCode name } }',
    );
    expect(errors).toBeUndefined();
    const names = Object.fromEntries(data!.leaderboard.map((r) => [r.scopeCode, r.name]));
    expect(names).toEqual({
      'qiulu-jiangkou': '萩芦镇—江口镇',
      'baisha-baitang': '白沙镇—白塘镇',
      'zhuangbian-wutang': '庄边镇—梧塘镇',
      'xinxian-sanjiangkou': '新县镇—三江口镇',
      'dayang-guohuan': '大洋乡—国欢镇',
    });
  });

  it('sets the pace of the last 7 days (today included) beside the pace needed', async () => {
    const { data, errors } = await asUser<{ campaign: { day: number; paceLast7DaysM2: number } }>(
      opened.gateway.url,
      'district.inspector',
      '{ campaign { day paceLast7DaysM2 } }',
    );
    expect(errors).toBeUndefined();
    // Independently of the gateway: the campaign's daily signed area over the 7 Shanghai days ending today.
    const { rows } = await opened.owner.query<{ area: string }>(
      `SELECT coalesce(sum(signed_area_m2), 0)::text AS area FROM progress_daily
       WHERE scope_kind = 'campaign' AND scope_code = 'main'
         AND day BETWEEN (now() AT TIME ZONE 'Asia/Shanghai')::date - 6 AND (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    );
    const days = Math.min(7, data!.campaign.day);
    expect(days).toBeGreaterThan(0);
    expect(Number(rows[0]!.area)).toBeGreaterThan(0); // the seed signs during the last week: a zero pace would prove nothing
    expect(data!.campaign.paceLast7DaysM2).toBe(Math.round(Number(rows[0]!.area) / days));
  });

  it('names each percentage by what it counts: households and area on rows, area of the target on the gauge', async () => {
    type PctRow = {
      scopeCode: string;
      signedHouseholdsPct: number;
      signedAreaPct: number;
      signedPct: number;
    };
    const { data, errors } = await asUser<{
      leaderboard: PctRow[];
      campaign: { signedAreaPctOfTarget: number; signedHouseholdsPct: number; signedPct: number };
    }>(
      opened.gateway.url,
      'district.inspector',
      `{ leaderboard(board: HEADQUARTERS) { scopeCode signedHouseholdsPct signedAreaPct signedPct }
         campaign { signedAreaPctOfTarget signedHouseholdsPct signedPct } }`,
    );
    expect(errors).toBeUndefined();
    // Independently of the gateway: one-decimal percentages straight from the counters.
    const { rows: counters } = await opened.owner.query<{
      scope_code: string;
      households_pct: string;
      area_pct: string;
    }>(
      `SELECT scope_code, round(100.0 * signed / households, 1)::text AS households_pct,
              round(100.0 * signed_area_m2 / building_area_m2, 1)::text AS area_pct
       FROM progress_counter WHERE scope_kind = 'headquarters'`,
    );
    const expected = counters.map((c) => ({
      scopeCode: c.scope_code,
      signedHouseholdsPct: Number(c.households_pct),
      signedAreaPct: Number(c.area_pct),
      signedPct: Number(c.households_pct),
    }));
    expect([...data!.leaderboard].sort((a, b) => a.scopeCode.localeCompare(b.scopeCode))).toEqual(
      expected.sort((a, b) => a.scopeCode.localeCompare(b.scopeCode)),
    );
    // Households and area differ on this seed: a board that showed one under the other's name would be caught.
    expect(data!.leaderboard.some((r) => r.signedHouseholdsPct !== r.signedAreaPct)).toBe(true);

    const { rows: campaign } = await opened.owner.query<{ area_pct: string; households_pct: string }>(
      `SELECT round(100.0 * p.signed_area_m2 / c.target_area_m2, 1)::text AS area_pct,
              round(100.0 * p.signed / p.households, 1)::text AS households_pct
       FROM campaign c JOIN progress_counter p ON p.scope_kind = 'campaign' AND p.scope_code = 'main'`,
    );
    expect(data!.campaign).toEqual({
      signedAreaPctOfTarget: Number(campaign[0]!.area_pct),
      signedHouseholdsPct: Number(campaign[0]!.households_pct),
      signedPct: Number(campaign[0]!.area_pct),
    });
  });

  it('keeps the old signedPct fields, deprecated in favour of the new names', async () => {
    const { data } = await asUser<{
      gauge: { fields: { name: string; isDeprecated: boolean; deprecationReason: string | null }[] };
      row: { fields: { name: string; isDeprecated: boolean; deprecationReason: string | null }[] };
    }>(
      opened.gateway.url,
      'district.inspector',
      `{ gauge: __type(name: "CampaignGauge") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
         row: __type(name: "LeaderboardRow") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`,
    );
    const field = (type: 'gauge' | 'row', name: string) => data![type].fields.find((f) => f.name === name);
    expect(field('gauge', 'signedPct')).toMatchObject({ isDeprecated: true });
    expect(field('gauge', 'signedPct')?.deprecationReason).toContain('signedAreaPctOfTarget');
    expect(field('row', 'signedPct')).toMatchObject({ isDeprecated: true });
    expect(field('row', 'signedPct')?.deprecationReason).toContain('signedHouseholdsPct');
    for (const name of ['signedAreaPctOfTarget', 'signedHouseholdsPct'])
      expect(field('gauge', name)).toMatchObject({ isDeprecated: false });
    for (const name of ['signedHouseholdsPct', 'signedAreaPct'])
      expect(field('row', name)).toMatchObject({ isDeprecated: false });
  });

  it('an unknown scope kind is null, not an error (and never reaches SQL)', async () => {
    for (const kind of ['constructor', "township' OR true --", 'nope']) {
      const { data, errors } = await asUser<{ progress: Row | null }>(
        opened.gateway.url,
        'district.inspector',
        'query ($k: String!) { progress(scopeKind: $k, scopeCode: "baitang") { scopeCode } }',
        { k: kind },
      );
      expect(errors).toBeUndefined();
      expect(data?.progress).toBeNull();
    }
  });

  it.each(['HEADQUARTERS', 'TEAM', 'PAIRING'])(
    'the %s board read slim (only what it shows) equals the full read on every field both answer',
    async (board) => {
      const shown =
        'rank rankChange scopeCode name households measured signed signedAreaM2 signedToday measuredPct signedHouseholdsPct signedPct';
      const slim = await asUser<{ leaderboard: Record<string, unknown>[] }>(
        opened.gateway.url,
        'district.inspector',
        `{ leaderboard(board: ${board}) { __typename ${shown} } }`,
      );
      // One field the slim statement does not read puts the whole board on the full one.
      const full = await asUser<{ leaderboard: Record<string, unknown>[] }>(
        opened.gateway.url,
        'district.inspector',
        `{ leaderboard(board: ${board}) { __typename ${shown} ...F } } fragment F on LeaderboardRow { buildingAreaM2 scopeKind }`,
      );
      expect(slim.errors).toBeUndefined();
      expect(full.errors).toBeUndefined();
      const rows = full.data!.leaderboard;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => typeof r.buildingAreaM2 === 'number' && typeof r.scopeKind === 'string')).toBe(
        true,
      );
      expect(slim.data!.leaderboard).toEqual(
        rows.map(({ buildingAreaM2: _area, scopeKind: _kind, ...rest }) => rest),
      );
    },
  );

  it('the gauge sums the last 7 days only when paceLast7DaysM2 is asked for, and agrees either way', async () => {
    const fields = 'name day daysLeft targetAreaM2 signedAreaM2 signedPct signedHouseholdsPct signedToday';
    const without = await asUser<{ campaign: Record<string, unknown> }>(
      opened.gateway.url,
      'district.inspector',
      `{ campaign { ${fields} } }`,
    );
    const withPace = await asUser<{ campaign: Record<string, unknown> }>(
      opened.gateway.url,
      'district.inspector',
      `{ campaign { ${fields} paceLast7DaysM2 } }`,
    );
    expect(without.errors).toBeUndefined();
    expect(withPace.errors).toBeUndefined();
    const { paceLast7DaysM2, ...rest } = withPace.data!.campaign;
    expect(typeof paceLast7DaysM2).toBe('number');
    expect(without.data!.campaign).toEqual(rest);
  });
});
