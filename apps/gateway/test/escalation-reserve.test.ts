// Issue 14 part A: escalations (症结难题) from a headquarters to the supervision group, cadre records, the reserve pool
// (后备干部库, district only — in the database, not just the resolver) and award eligibility of units ranked last.
import { readScopeKey } from '@hanjiang/db';
import type pg from 'pg';
import { beginStatement } from '../src/db/request-transaction.js';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser } from './helpers/sessions.js';

const RAISE = `mutation ($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { id state version ageDays
  headquarters { code } households { code } villages { name } } }`;
const STEP = (name: string) =>
  `mutation ($input: EscalationStepInput!) { ${name}(input: $input) { id state version meeting decision closedAt } }`;
const NOMINATE = `mutation ($input: NominateReserveInput!) { nominateToReserve(input: $input) { id reason cadre { name } } }`;

describe('escalations, cadre records and the reserve pool', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    // N = 1 here so that the seeded inspections, where some teams were last once, exercise the flag.
    ({ db, gateway, owner } = await openSeededGateway({ AWARD_LOSS_LAST_PLACES: '1' }));
  }, 120_000);
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))
      .rows[0]!.n;
  const one = async (sql: string) => (await owner.query<{ id: string }>(sql)).rows[0]!.id;

  it('a headquarters raises a blocker; retries return it; foreign ids and other headquarters are refused', async () => {
    const household = await one(`SELECT h.id FROM household h JOIN headquarters q ON q.id = h.headquarters_id
      WHERE q.code = 'baitang-lake' ORDER BY h.code LIMIT 1`);
    const village = await one(`SELECT v.id FROM village v JOIN headquarters q ON q.id = v.headquarters_id
      WHERE q.code = 'baitang-lake' ORDER BY v.code LIMIT 1`);
    const foreign = await one(`SELECT h.id FROM household h JOIN headquarters q ON q.id = h.headquarters_id
      WHERE q.code = 'food-park' LIMIT 1`);
    const input = {
      headquartersCode: 'baitang-lake',
      description: '江尾村三户祖宅继承纠纷,多次调解未果',
      helpNeeded: '请区司法局协助调处',
      householdIds: [household],
      villageIds: [village],
      idempotencyKey: 'escalation-0001',
    };
    const before = await count('escalation');
    const raised = await asUser<{
      raiseEscalation: { id: string; state: string; households: { code: string }[] };
    }>(gateway.url, 'baitang-lake.commander', RAISE, { input });
    expect(raised.errors).toBeUndefined();
    expect(raised.data!.raiseEscalation).toMatchObject({ state: 'RAISED', households: [expect.anything()] });
    const retry = await asUser<{ raiseEscalation: { id: string } }>(
      gateway.url,
      'baitang-lake.commander',
      RAISE,
      { input },
    );
    expect(retry.data!.raiseEscalation.id).toBe(raised.data!.raiseEscalation.id);

    const refusals: [string, Record<string, unknown>, string][] = [
      ['baitang-lake.commander', { householdIds: [foreign], idempotencyKey: 'escalation-0002' }, 'NOT_FOUND'],
      ['food-park.commander', { idempotencyKey: 'escalation-0003' }, 'FORBIDDEN'],
      ['baitang.commander', { idempotencyKey: 'escalation-0004' }, 'FORBIDDEN'],
      ['district.inspector', { idempotencyKey: 'escalation-0005' }, 'FORBIDDEN'],
      ['baitang-lake.commander', { description: '另一件事' }, 'IDEMPOTENCY_KEY_REUSED'],
    ];
    for (const [user, change, code] of refusals) {
      const refused = await asUser(gateway.url, user, RAISE, { input: { ...input, ...change } });
      expect([user, refused.errors?.[0]?.extensions?.code]).toEqual([user, code]);
    }
    expect(await count('escalation')).toBe(before + 1);
  });

  it('open escalations and their age: the district sees all, a headquarters its own, a township none', async () => {
    const q = '{ escalations { id ageDays state headquarters { code } } }';
    const district = await asUser<{ escalations: { ageDays: number; headquarters: { code: string } }[] }>(
      gateway.url,
      'district.inspector',
      q,
    );
    expect(district.data!.escalations.length).toBe(await count('escalation', `state <> 'CLOSED'`));
    expect(district.data!.escalations.every((e) => e.ageDays >= 0)).toBe(true);
    // The seeded one (白塘湖's escalated dispute) is days old.
    expect(Math.max(...district.data!.escalations.map((e) => e.ageDays))).toBeGreaterThan(1);
    const own = await asUser<{ escalations: { headquarters: { code: string } }[] }>(
      gateway.url,
      'baitang-lake.viewer',
      q,
    );
    expect(own.data!.escalations.length).toBeGreaterThan(0);
    expect(own.data!.escalations.every((e) => e.headquarters.code === 'baitang-lake')).toBe(true);
    for (const user of ['food-park.commander', 'baitang.commander', 'baisha.viewer']) {
      expect((await asUser<{ escalations: unknown[] }>(gateway.url, user, q)).data!.escalations).toEqual([]);
    }
  });

  it('the supervision group triages, decides and closes, one step at a time', async () => {
    const id = await one(`SELECT id FROM escalation WHERE idempotency_key = 'escalation-0001'`);
    const step = (name: string, user: string, expectedVersion: number, text?: string) =>
      asUser<Record<string, { state: string; version: number }>>(gateway.url, user, STEP(name), {
        input: { escalationId: id, expectedVersion, text },
      });
    expect(
      (await step('triageEscalation', 'baitang-lake.commander', 1, '推进会')).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await step('decideEscalation', 'district.inspector', 1, '由司法局牵头')).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'NOT_NEXT',
      messageZh: expect.stringMatching(/研判/),
    });
    expect((await step('triageEscalation', 'district.inspector', 1)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await step('triageEscalation', 'district.inspector', 1, '10月23日推进会')).data!.triageEscalation,
    ).toMatchObject({ state: 'TRIAGED', version: 2 });
    expect((await step('decideEscalation', 'district.inspector', 1, 'x')).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    expect(
      (await step('decideEscalation', 'district.inspector', 2, '由司法局牵头调处')).data!.decideEscalation!
        .state,
    ).toBe('DECIDED');
    expect((await step('closeEscalation', 'district.admin', 3)).data!.closeEscalation!.state).toBe('CLOSED');
    expect((await step('closeEscalation', 'district.admin', 4)).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'FINAL',
    });
    const open = await asUser<{ escalations: { id: string }[] }>(
      gateway.url,
      'district.inspector',
      '{ escalations { id } }',
    );
    expect(open.data!.escalations.map((e) => e.id)).not.toContain(id);
  });

  it('cadre records count what each cadre is credited with, and the team’s inspections', async () => {
    const team = await one(`SELECT id FROM work_team WHERE code = 'baisha-helper-jiangwei'`);
    const result = await asUser<{
      cadreRecords: {
        cadre: { id: string };
        visits: number;
        offHoursVisits: number;
        measurements: number;
        signings: number;
        teamInspections: unknown[];
      }[];
    }>(
      gateway.url,
      'baisha.commander',
      `query ($t: ID!) { cadreRecords(teamId: $t) { cadre { id name } visits offHoursVisits measurements signings
         disputesResolved teamInspections { period score rank of } } }`,
      { t: team },
    );
    const records = result.data!.cadreRecords;
    expect(records.length).toBe(await count('cadre', 'team_id = $1', [team]));
    const sum = (k: 'visits' | 'offHoursVisits' | 'measurements' | 'signings') =>
      records.reduce((n, r) => n + r[k], 0);
    expect(sum('visits')).toBe(
      await count('visit', 'cadre_id IN (SELECT id FROM cadre WHERE team_id = $1)', [team]),
    );
    // The evening group: most of its visits are off-hours (错时走访).
    expect(sum('offHoursVisits') / sum('visits')).toBeGreaterThan(0.6);
    expect(sum('measurements')).toBeGreaterThan(0);
    expect(sum('signings')).toBeGreaterThan(0);
    // Another township sees none of them.
    const outside = await asUser<{ cadreRecords: unknown[] }>(
      gateway.url,
      'qiulu.viewer',
      `query ($t: ID!) { cadreRecords(teamId: $t) { visits } }`,
      { t: team },
    );
    expect(outside.data!.cadreRecords).toEqual([]);
  });

  it('the supervision group nominates to the reserve pool, audited; nobody outside the district sees it', async () => {
    const cadre = await one(`SELECT c.id FROM cadre c JOIN work_team w ON w.id = c.team_id
      WHERE w.code = 'baisha-helper-jikui' ORDER BY c.name_zh LIMIT 1`);
    const input = { cadreId: cadre, reason: '错时走访成效突出,化解纠纷三起' };
    expect(
      (await asUser(gateway.url, 'baisha.commander', NOMINATE, { input })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await asUser(gateway.url, 'baitang-lake.commander', NOMINATE, { input })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const audits = await count('audit_log', `operation = 'nominateToReserve'`);
    const ok = await asUser<{ nominateToReserve: { id: string } }>(
      gateway.url,
      'district.inspector',
      NOMINATE,
      { input },
    );
    expect(ok.errors).toBeUndefined();
    expect(await count('audit_log', `operation = 'nominateToReserve' AND outcome = 'ok'`)).toBeGreaterThan(
      audits - 1,
    );
    expect(await count('audit_log', `operation = 'nominateToReserve'`)).toBe(audits + 1);
    expect(
      (await asUser(gateway.url, 'district.inspector', NOMINATE, { input })).errors?.[0]?.extensions?.code,
    ).toBe('CONFLICT');

    const pool = '{ reservePool { id reason cadre { name } } }';
    expect(
      (await asUser<{ reservePool: unknown[] }>(gateway.url, 'district.admin', pool)).data!.reservePool,
    ).toHaveLength(1);
    for (const user of [
      'baisha.commander',
      'baisha.viewer',
      'baitang.commander',
      'baitang-lake.commander',
      'food-park.viewer',
    ]) {
      const refused = await asUser(gateway.url, user, pool);
      expect([user, refused.errors?.[0]?.extensions?.code]).toEqual([user, 'FORBIDDEN']);
    }
    // And in the database itself: the request role under a township's or headquarters' settings reads no row.
    const key = await readScopeKey(owner);
    for (const [kind, code] of [
      ['township', 'baisha'],
      ['headquarters', 'baitang-lake'],
    ] as const) {
      const client = await owner.connect();
      try {
        await client.query(
          beginStatement(
            {
              'app.tenant_kind': kind,
              'app.tenant_id': code,
              'app.role': 'commander',
              'app.team_id': '',
              'app.subject': `${code}.commander`,
            },
            key,
          ),
        );
        const { rows } = await client.query('SELECT * FROM reserve_nomination');
        await client.query('ROLLBACK');
        expect([kind, rows.length]).toEqual([kind, 0]);
      } finally {
        client.release();
      }
    }
    expect(await count('reserve_nomination')).toBe(1);
  });

  it('units ranked last in N or more periods lose award eligibility (N from the environment)', async () => {
    const r = await asUser<{
      inspections: { lastPlaceTotal: number; lastPlaceCount: number; losesAwardEligibility: boolean }[];
    }>(
      gateway.url,
      'baitang.viewer',
      '{ inspections(targetKind: TEAM) { lastPlaceCount lastPlaceTotal losesAwardEligibility } }',
    );
    const rows = r.data!.inspections;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.lastPlaceTotal).toBeGreaterThanOrEqual(row.lastPlaceCount);
      expect(row.losesAwardEligibility).toBe(row.lastPlaceTotal >= 1);
    }
    expect(rows.some((row) => row.losesAwardEligibility)).toBe(true);
  });
});
