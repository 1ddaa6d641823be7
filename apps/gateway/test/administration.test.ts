import { computeProgressCounters, computeProgressDaily, readScopeKey } from '@hanjiang/db';
import type pg from 'pg';
import { beginStatement } from '../src/db/request-transaction.js';
import type { Gateway } from '../src/server.js';
import { counterSnapshot, dailySnapshot, scopeRow } from './fixtures/counters.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser } from './helpers/sessions.js';

const ASSIGN = `mutation ($input: TeamAssignmentInput!) {
  assignTeam(input: $input) { team { code } villagesChanged householdsChanged villages { code } } }`;
const UNASSIGN = `mutation ($input: TeamAssignmentInput!) {
  unassignTeam(input: $input) { team { code } villagesChanged householdsChanged villages { code } } }`;
const RECORD = `mutation ($input: RecordInspectionInput!) {
  recordInspection(input: $input) { id period targetKind score items headquarters { code } team { code } recordedBy } }`;
const RANKING = `query ($kind: InspectionTargetKind!, $period: String) {
  inspections(targetKind: $kind, period: $period) {
    period score rank flaggedLast lastPlaceCount headquarters { code } team { code } } }`;
const CREATE_SITE = `mutation ($input: CreateResettlementSiteInput!) {
  createResettlementSite(input: $input) { id name plannedUnits allocatedUnits availableUnits township { code } headquarters { code } } }`;

type Result = { errors?: { extensions?: Record<string, unknown> }[] };
const code = (r: Result) => r.errors?.[0]?.extensions?.code;

describe('administration: team assignment, inspections, resettlement sites', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway());
  });
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  const id = async (table: 'work_team' | 'village', value: string) =>
    (await owner.query<{ id: string }>(`SELECT id FROM ${table} WHERE code = $1`, [value])).rows[0]!.id;
  const households = async (village: string, team: string, limit: number) =>
    (
      await owner.query<{ id: string }>(
        `SELECT h.id FROM household h JOIN village v ON v.id = h.village_id JOIN work_team t ON t.id = h.team_id
         WHERE v.code = $1 AND t.code = $2 ORDER BY h.stage DESC, h.code LIMIT $3`,
        [village, team, limit],
      )
    ).rows.map((r) => r.id);
  const expectCountersConsistent = async () => {
    expect(await counterSnapshot(owner)).toEqual(await computeProgressCounters(owner));
    expect(await dailySnapshot(owner)).toEqual(await computeProgressDaily(owner));
  };

  it('assigns a village and its households to another team; counts move between team scopes only', async () => {
    await expectCountersConsistent();
    const team = await id('work_team', 'jyj-baitang');
    const houguo = await id('village', 'baitang-houguo');
    const moving = await households('baitang-houguo', 'baitang-6', 12); // signed ones first: daily rows move too
    const before = await counterSnapshot(owner);
    const result = await asUser<{ assignTeam: Record<string, unknown> }>(
      gateway.url,
      'baitang-lake.commander',
      ASSIGN,
      {
        input: { teamId: team, villageIds: [houguo], householdIds: moving },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.assignTeam).toMatchObject({ villagesChanged: 1, householdsChanged: 12 });
    expect(result.data?.assignTeam.villages).toEqual(
      expect.arrayContaining([{ code: 'baitang-chenqiao' }, { code: 'baitang-houguo' }]),
    );
    await expectCountersConsistent();
    const after = await counterSnapshot(owner);
    const households_ = (rows: typeof after, kind: string, c: string) => scopeRow(rows, kind, c).households;
    expect(households_(after, 'team', 'baitang-6')).toBe(households_(before, 'team', 'baitang-6') - 12);
    expect(households_(after, 'team', 'jyj-baitang')).toBe(households_(before, 'team', 'jyj-baitang') + 12);
    expect(scopeRow(after, 'campaign', 'main')).toEqual(scopeRow(before, 'campaign', 'main'));

    // Again: nothing changes, nothing is counted twice.
    const again = await asUser<{ assignTeam: Record<string, unknown> }>(
      gateway.url,
      'district.admin',
      ASSIGN,
      {
        input: { teamId: team, villageIds: [houguo], householdIds: moving },
      },
    );
    expect(again.data?.assignTeam).toMatchObject({ villagesChanged: 0, householdsChanged: 0 });
    await expectCountersConsistent();
  });

  it('a household moving to a helper team becomes visible to the helper township', async () => {
    const jikui = await id('work_team', 'baisha-helper-jikui');
    const jiangwei = await id('village', 'baitang-jiangwei');
    const [household] = await households('baitang-jiangwei', 'baitang-2', 1);
    const seen = (user: string) =>
      asUser<{ household: { team: { code: string } } | null }>(
        gateway.url,
        user,
        `query ($id: ID!) {
        household(id: $id) { team { code } } }`,
        { id: household },
      );
    expect((await seen('baisha.viewer')).data?.household).toBeNull();
    // The team must work the village first: without it the household is refused.
    const refused = await asUser(gateway.url, 'baitang-lake.commander', ASSIGN, {
      input: { teamId: jikui, householdIds: [household] },
    });
    expect(code(refused)).toBe('BAD_USER_INPUT');
    const ok = await asUser(gateway.url, 'baitang-lake.commander', ASSIGN, {
      input: { teamId: jikui, villageIds: [jiangwei], householdIds: [household] },
    });
    expect(ok.errors).toBeUndefined();
    expect((await seen('baisha.viewer')).data?.household?.team.code).toBe('baisha-helper-jikui');
    await expectCountersConsistent();
  });

  it('unassigning a village also frees the team’s households there', async () => {
    const team = await id('work_team', 'jyj-baitang');
    const houguo = await id('village', 'baitang-houguo');
    const result = await asUser<{ unassignTeam: Record<string, unknown> }>(
      gateway.url,
      'baitang-lake.commander',
      UNASSIGN,
      {
        input: { teamId: team, villageIds: [houguo] },
      },
    );
    expect(result.data?.unassignTeam).toMatchObject({ villagesChanged: 1, householdsChanged: 12 });
    expect(result.data?.unassignTeam.villages).toEqual([{ code: 'baitang-chenqiao' }]);
    const { rows } = await owner.query(`SELECT 1 FROM household WHERE team_id = $1 AND village_id = $2`, [
      team,
      houguo,
    ]);
    expect(rows).toHaveLength(0);
    await expectCountersConsistent();
  });

  it('only the team’s headquarters commander or the district admin may assign, in the gateway and in RLS', async () => {
    const team = await id('work_team', 'baitang-1');
    const village = await id('village', 'baitang-houguo');
    for (const user of [
      'food-park.commander',
      'baitang.commander',
      'baitang-lake.cadre',
      'district.inspector',
    ]) {
      expect(
        code(await asUser(gateway.url, user, ASSIGN, { input: { teamId: team, villageIds: [village] } })),
      ).toBe('FORBIDDEN');
    }
    const { rows } = await owner.query(`SELECT township_id, headquarters_id FROM village WHERE id = $1`, [
      village,
    ]);
    const client = await owner.connect();
    try {
      await client.query(
        beginStatement(
          {
            'app.tenant_kind': 'township',
            'app.tenant_id': 'baitang',
            'app.role': 'commander',
            'app.team_id': '',
            'app.subject': 'baitang.commander',
          },
          await readScopeKey(owner),
        ),
      );
      await expect(
        client.query(
          `INSERT INTO team_village (team_id, village_id, township_id, headquarters_id) VALUES ($1, $2, $3, $4)`,
          [team, village, rows[0].township_id, rows[0].headquarters_id],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('records inspections, ranks them and flags a unit ranked last in two of the recent periods', async () => {
    const hqs = ['food-park', 'north-equipment-park', 'coastal-park', 'baitang-lake', 'university-town'];
    const scores: Record<string, number[]> = {
      'food-park': [60, 85, 58],
      'north-equipment-park': [80, 82, 90],
      'coastal-park': [75, 62, 88],
      'baitang-lake': [95, 93, 96],
      'university-town': [80, 70, 91],
    };
    for (const [w, period] of ['2020-W40', '2020-W41', '2020w42'].entries()) {
      for (const hq of hqs) {
        const score = scores[hq]![w]!;
        const items = {
          progress: score / 4,
          conduct: score / 4,
          cooperation: score / 4,
          satisfaction: score / 4,
        };
        const r = await asUser(gateway.url, 'district.inspector', RECORD, {
          input: { targetKind: 'HEADQUARTERS', headquartersCode: hq, period, score, items, note: '四察四看' },
        });
        expect(r.errors).toBeUndefined();
      }
    }
    const ranking = await asUser<{ inspections: Record<string, unknown>[] }>(
      gateway.url,
      'baitang.viewer',
      RANKING,
      {
        kind: 'HEADQUARTERS',
        period: '2020-W42',
      },
    );
    const rows = ranking.data!.inspections;
    expect(rows.map((r) => [(r.headquarters as { code: string }).code, r.rank])).toEqual([
      ['baitang-lake', 1],
      ['university-town', 2],
      ['north-equipment-park', 3],
      ['coastal-park', 4],
      ['food-park', 5],
    ]);
    const byHq = (c: string) => rows.find((r) => (r.headquarters as { code: string }).code === c)!;
    expect(byHq('food-park')).toMatchObject({ flaggedLast: true, lastPlaceCount: 2 });
    expect(byHq('coastal-park')).toMatchObject({ flaggedLast: false, lastPlaceCount: 1 });
    expect(rows.filter((r) => r.flaggedLast)).toHaveLength(1);
    // Latest period of the seeded team inspections, when no period is named.
    const latest = await asUser<{ inspections: { rank: number; team: { code: string } | null }[] }>(
      gateway.url,
      'baitang.viewer',
      RANKING,
      { kind: 'TEAM' },
    );
    expect(latest.data?.inspections.length).toBeGreaterThan(1);
    expect(latest.data?.inspections[0]).toMatchObject({ rank: 1, team: { code: expect.any(String) } });
  });

  it('one inspection per target and period (CONFLICT), recorded by the supervision group only', async () => {
    const input = {
      targetKind: 'HEADQUARTERS',
      headquartersCode: 'food-park',
      period: '2020-W40',
      score: 61,
    };
    const duplicate = await asUser(gateway.url, 'district.admin', RECORD, { input });
    expect(code(duplicate)).toBe('CONFLICT');
    for (const user of ['baitang.commander', 'baitang-lake.commander']) {
      const r = await asUser(gateway.url, user, RECORD, { input: { ...input, period: '2020-W43' } });
      expect(code(r)).toBe('FORBIDDEN');
    }
    const team = await id('work_team', 'baisha-helper-jikui');
    const teamInput = {
      targetKind: 'TEAM',
      headquartersCode: 'baitang-lake',
      teamId: team,
      period: '2020-10',
      score: 88.5,
    };
    const recorded = await asUser<{ recordInspection: Record<string, unknown> }>(
      gateway.url,
      'district.inspector',
      RECORD,
      {
        input: { ...teamInput, items: { progress: { labelZh: '察进度看成效', score: 22.5 }, conduct: 66 } },
      },
    );
    expect(recorded.data?.recordInspection).toMatchObject({
      period: '2020-10',
      targetKind: 'TEAM',
      score: 88.5,
      team: { code: 'baisha-helper-jikui' },
      recordedBy: 'district.inspector',
    });
    const bad = [
      { ...teamInput, headquartersCode: 'food-park' }, // not that headquarters' team
      { ...teamInput, period: '2020-11', items: { progress: 20 } }, // items do not add up
      { ...teamInput, period: '2999-W01' }, // not begun
      { ...teamInput, period: '2020-W54' },
      { ...teamInput, period: '2020-12', score: 100.5 },
    ];
    for (const b of bad) {
      expect(code(await asUser(gateway.url, 'district.inspector', RECORD, { input: b }))).toBe(
        'BAD_USER_INPUT',
      );
    }
  });

  it('creates resettlement sites for its own headquarters only; names are unique per headquarters', async () => {
    const input = {
      headquartersCode: 'baitang-lake',
      townshipCode: 'baitang',
      name: '江尾安置小区',
      plannedUnits: 320,
    };
    const created = await asUser<{ createResettlementSite: Record<string, unknown> }>(
      gateway.url,
      'baitang-lake.commander',
      CREATE_SITE,
      { input },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createResettlementSite).toMatchObject({
      name: '江尾安置小区',
      plannedUnits: 320,
      allocatedUnits: 0,
      availableUnits: 320,
      township: { code: 'baitang' },
      headquarters: { code: 'baitang-lake' },
    });
    const listed = await asUser<{ resettlementSites: { name: string }[] }>(
      gateway.url,
      'baitang.viewer',
      `query { resettlementSites(headquartersCode: "baitang-lake") { name } }`,
    );
    expect(listed.data?.resettlementSites.map((s) => s.name)).toContain('江尾安置小区');
    expect(code(await asUser(gateway.url, 'baitang-lake.commander', CREATE_SITE, { input }))).toBe(
      'CONFLICT',
    );
    for (const user of ['food-park.commander', 'baitang.commander', 'baitang-lake.cadre']) {
      expect(code(await asUser(gateway.url, user, CREATE_SITE, { input: { ...input, name: 'x' } }))).toBe(
        'FORBIDDEN',
      );
    }
    const nowhere = { ...input, townshipCode: 'qiulu', name: '萩芦点' };
    expect(code(await asUser(gateway.url, 'district.admin', CREATE_SITE, { input: nowhere }))).toBe(
      'BAD_USER_INPUT',
    );
    const admin = await asUser(gateway.url, 'district.admin', CREATE_SITE, {
      input: { ...input, name: '江尾安置小区二期', plannedUnits: 80 },
    });
    expect(admin.errors).toBeUndefined();
  });

  it('a property-swap signing draws one unit from its site; a full site refuses and nothing is written', async () => {
    const site = async (name: string, plannedUnits: number) =>
      (
        await asUser<{ createResettlementSite: { id: string } }>(gateway.url, 'district.admin', CREATE_SITE, {
          input: { headquartersCode: 'baitang-lake', townshipCode: 'baitang', name, plannedUnits },
        })
      ).data!.createResettlementSite.id;
    const roomy = await site('置换测试小区', 2);
    const full = await site('已满测试小区', 1);
    await owner.query('UPDATE resettlement_site SET allocated_units = planned_units WHERE id = $1', [full]);
    const { rows } = await owner.query<{ id: string; version: number }>(
      `SELECT h.id, h.version FROM household h JOIN township t ON t.id = h.township_id
       WHERE t.code = 'baitang' AND h.stage = 'ASSESSED' ORDER BY h.code DESC LIMIT 2`,
    );
    const SIGN = `mutation ($id: ID!, $v: Int!, $k: String!, $site: ID!) { advanceStage(input: { householdId: $id,
      toStage: SIGNED, expectedVersion: $v, idempotencyKey: $k, agreedAmountYuan: "900000.00",
      compensationChoice: PROPERTY_SWAP, resettlementSiteId: $site }) { stage version } }`;
    const events = async () =>
      Number((await owner.query<{ n: string }>('SELECT count(*) AS n FROM household_event')).rows[0]!.n);
    const allocated = async (id: string) =>
      (
        await owner.query<{ n: number }>('SELECT allocated_units AS n FROM resettlement_site WHERE id = $1', [
          id,
        ])
      ).rows[0]!.n;

    const before = await events();
    const refused = await asUser(gateway.url, 'baitang.commander', SIGN, {
      id: rows[0]!.id,
      v: rows[0]!.version,
      k: 'swap-full-site-0001',
      site: full,
    });
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(await events()).toBe(before);
    expect(await allocated(full)).toBe(1);

    const signed = await asUser<{ advanceStage: { stage: string } }>(gateway.url, 'baitang.commander', SIGN, {
      id: rows[1]!.id,
      v: rows[1]!.version,
      k: 'swap-roomy-site-0001',
      site: roomy,
    });
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.advanceStage.stage).toBe('SIGNED');
    expect(await allocated(roomy)).toBe(1);
    expect(await events()).toBe(before + 1);
    const { rows: stored } = await owner.query<{ site: string; choice: string }>(
      'SELECT resettlement_site_id AS site, compensation_choice AS choice FROM household WHERE id = $1',
      [rows[1]!.id],
    );
    expect(stored[0]).toEqual({ site: roomy, choice: 'PROPERTY_SWAP' });
  });
});
