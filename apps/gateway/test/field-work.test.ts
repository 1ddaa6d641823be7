// Issue 14 part A: the visit log and disputes over real HTTP against real PostgreSQL — idempotent retries from
// offline phones, off-hours marking in Asia/Shanghai, refusals that write nothing, and the household card's fields.
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser } from './helpers/sessions.js';
import { ADVANCE, payloadFor } from './helpers/workflow.js';

const RECORD = `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id offHours purpose visitedAt
  household { code } team { code } township { code } } }`;
const OPEN = `mutation ($input: OpenDisputeInput!) { openDispute(input: $input) { id state version category } }`;
const MOVE = `mutation ($input: MoveDisputeInput!) { moveDispute(input: $input) { id state version notes
  resolutionHours resolvedAt } }`;

/** Yesterday at hh:mm in Asia/Shanghai (UTC+8), as an ISO instant. */
function shanghaiYesterday(hh: number, mm = 0): string {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1, hh - 8, mm));
  return day.toISOString();
}

describe('field work: visits and disputes', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  let jiangwei: { id: string; code: string; teamId: string };
  let qiuluHousehold: string;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway());
    // A household 白沙's helper group 江尾分组 works in 白塘 (the README's baisha.cadre team).
    jiangwei = (
      await owner.query<{ id: string; code: string; teamId: string }>(
        `SELECT h.id, h.code, h.team_id AS "teamId" FROM household h JOIN work_team w ON w.id = h.team_id
         WHERE w.code = 'baisha-helper-jiangwei' ORDER BY h.code LIMIT 1`,
      )
    ).rows[0]!;
    qiuluHousehold = (
      await owner.query<{ id: string }>(
        `SELECT h.id FROM household h JOIN township t ON t.id = h.township_id WHERE t.code = 'qiulu' LIMIT 1`,
      )
    ).rows[0]!.id;
  }, 120_000);
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))
      .rows[0]!.n;

  const visit = (key: string, extra: Record<string, unknown> = {}) => ({
    input: {
      householdId: jiangwei.id,
      visitedAt: shanghaiYesterday(20, 15),
      metWith: '户主本人',
      purpose: 'SIGNING_TALK',
      outcome: '晚饭后入户,户主同意周末签约',
      nextStep: '准备签约材料',
      idempotencyKey: key,
      ...extra,
    },
  });

  it('an evening visit by the helper cadre is off-hours, in the household’s scope', async () => {
    const result = await asUser<{ recordVisit: { offHours: boolean; household: { code: string } } }>(
      gateway.url,
      'baisha.cadre',
      RECORD,
      visit('visit-evening-0001'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordVisit).toMatchObject({ offHours: true, household: { code: jiangwei.code } });
    const day = await asUser<{ recordVisit: { offHours: boolean } }>(
      gateway.url,
      'baisha.cadre',
      RECORD,
      visit('visit-daytime-0001', { visitedAt: shanghaiYesterday(10, 30) }),
    );
    expect(day.data!.recordVisit.offHours).toBe(false);
    // 17:30 exactly is already after the working day (08:30–17:30 by default).
    const edge = await asUser<{ recordVisit: { offHours: boolean } }>(
      gateway.url,
      'baisha.cadre',
      RECORD,
      visit('visit-edge-00001', { visitedAt: shanghaiYesterday(17, 30) }),
    );
    expect(edge.data!.recordVisit.offHours).toBe(true);
  });

  it('retries return the same visit, sequentially and concurrently; a reused key is refused', async () => {
    const before = await count('visit', 'household_id = $1', [jiangwei.id]);
    const first = await asUser<{ recordVisit: { id: string } }>(
      gateway.url,
      'baisha.cadre',
      RECORD,
      visit('retry-key-0001'),
    );
    const again = await asUser<{ recordVisit: { id: string } }>(
      gateway.url,
      'baisha.cadre',
      RECORD,
      visit('retry-key-0001'),
    );
    expect(again.data!.recordVisit.id).toBe(first.data!.recordVisit.id);
    const burst = await Promise.all(
      Array.from({ length: 6 }, () =>
        asUser<{ recordVisit: { id: string } }>(
          gateway.url,
          'baisha.cadre',
          RECORD,
          visit('retry-burst-0001'),
        ),
      ),
    );
    expect(burst.map((r) => r.errors)).toEqual(burst.map(() => undefined));
    expect(new Set(burst.map((r) => r.data!.recordVisit.id)).size).toBe(1);
    expect(await count('visit', 'household_id = $1', [jiangwei.id])).toBe(before + 2);

    const reused = await asUser(
      gateway.url,
      'baisha.cadre',
      RECORD,
      visit('retry-key-0001', { outcome: '另一次' }),
    );
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await count('visit', 'household_id = $1', [jiangwei.id])).toBe(before + 2);
  });

  it.each([
    ['baitang.cadre', 'FORBIDDEN'], // another team's cadre: sees the household, does not work it
    ['baisha.viewer', 'FORBIDDEN'],
    ['district.inspector', 'FORBIDDEN'],
    ['qiulu.commander', 'NOT_FOUND'], // another tenant: as if it did not exist
    ['food-park.commander', 'NOT_FOUND'],
  ])('%s cannot record a visit there (%s) and nothing is written', async (user, code) => {
    const before = await count('visit');
    const result = await asUser(gateway.url, user, RECORD, visit(`refused-${user}-0001`));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code });
    expect(await count('visit')).toBe(before);
  });

  it('refuses a future visit and a cadre of another team, writing nothing', async () => {
    const before = await count('visit');
    const future = await asUser(
      gateway.url,
      'baisha.cadre',
      RECORD,
      visit('future-0001', {
        visitedAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    );
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const otherCadre = (
      await owner.query<{ id: string }>('SELECT id FROM cadre WHERE team_id <> $1 LIMIT 1', [jiangwei.teamId])
    ).rows[0]!.id;
    const wrong = await asUser(
      gateway.url,
      'baisha.cadre',
      RECORD,
      visit('cadre-0001', { cadreId: otherCadre }),
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['cadreId'] });
    expect(await count('visit')).toBe(before);
  });

  it('an operation failing half-way writes nothing: a valid visit and a refused dispute roll back together', async () => {
    const [visits, disputes] = [await count('visit'), await count('dispute')];
    const result = await asUser(
      gateway.url,
      'baisha.cadre',
      `mutation ($v: RecordVisitInput!, $d: OpenDisputeInput!) { recordVisit(input: $v) { id }
         openDispute(input: $d) { id } }`,
      {
        v: visit('half-way-visit-0001').input,
        d: {
          householdId: qiuluHousehold,
          category: 'OTHER',
          mediator: '某某',
          idempotencyKey: 'half-way-dispute-01',
        },
      },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect([await count('visit'), await count('dispute')]).toEqual([visits, disputes]);
  });

  it('the household card shows its visits to the helper township, and nothing to another tenant', async () => {
    const q = `query ($id: ID!) { household(id: $id) { visits { id offHours } openDisputes { id } } }`;
    const helper = await asUser<{ household: { visits: unknown[] } }>(gateway.url, 'baisha.viewer', q, {
      id: jiangwei.id,
    });
    expect(helper.data!.household.visits.length).toBe(
      await count('visit', 'household_id = $1', [jiangwei.id]),
    );
    const outside = await asUser(gateway.url, 'qiulu.viewer', q, { id: jiangwei.id });
    expect(outside.data).toEqual({ household: null });
    const list = await asUser<{ visits: unknown[] }>(
      gateway.url,
      'qiulu.viewer',
      `query ($id: ID!) {
      visits(filter: { householdId: $id }) { id } }`,
      { id: jiangwei.id },
    );
    expect(list.data!.visits).toEqual([]);
  });

  it('a dispute goes open → mediating → resolved; skipping, stale versions and final states are refused', async () => {
    const teamQ = `{ households(first: 1, filter: { search: "${jiangwei.code}" }) { edges { node {
      openDisputes { id } team { openDisputes } } } } }`;
    const teamBefore = (
      await asUser<{ households: { edges: { node: { team: { openDisputes: number } } }[] } }>(
        gateway.url,
        'baisha.cadre',
        teamQ,
      )
    ).data!.households.edges[0]!.node.team.openDisputes;
    const input = {
      householdId: jiangwei.id,
      category: 'OWNERSHIP_INHERITANCE',
      mediator: '林调解',
      notes: '兄弟对继承份额有分歧',
      idempotencyKey: 'dispute-flow-0001',
    };
    const opened = await asUser<{ openDispute: { id: string; state: string; version: number } }>(
      gateway.url,
      'baisha.cadre',
      OPEN,
      { input },
    );
    expect(opened.data!.openDispute).toMatchObject({ state: 'OPEN', version: 1 });
    const retry = await asUser<{ openDispute: { id: string } }>(gateway.url, 'baisha.cadre', OPEN, { input });
    expect(retry.data!.openDispute.id).toBe(opened.data!.openDispute.id);
    const card = await asUser<{
      households: { edges: { node: { openDisputes: { id: string }[]; team: { openDisputes: number } } }[] };
    }>(gateway.url, 'baisha.cadre', teamQ);
    const node = card.data!.households.edges[0]!.node;
    expect(node.openDisputes.map((d) => d.id)).toContain(opened.data!.openDispute.id);
    expect(node.team.openDisputes).toBe(teamBefore + 1);

    const id = opened.data!.openDispute.id;
    const skip = await asUser(gateway.url, 'baisha.cadre', MOVE, {
      input: { disputeId: id, toState: 'RESOLVED', expectedVersion: 1 },
    });
    expect(skip.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'NOT_NEXT',
      messageZh: expect.stringMatching(/调解/),
      messageEn: expect.stringMatching(/mediating/),
    });
    const mediate = await asUser<{ moveDispute: { state: string; version: number } }>(
      gateway.url,
      'baisha.cadre',
      MOVE,
      {
        input: { disputeId: id, toState: 'MEDIATING', expectedVersion: 1, note: '第一次调解' },
      },
    );
    expect(mediate.data!.moveDispute).toMatchObject({ state: 'MEDIATING', version: 2 });
    // The phone lost the answer and sends the same move again: the same dispute, not a conflict, not a version 3.
    const resent = await asUser<{ moveDispute: { version: number } }>(gateway.url, 'baisha.cadre', MOVE, {
      input: { disputeId: id, toState: 'MEDIATING', expectedVersion: 1, note: '第一次调解' },
    });
    expect(resent.data!.moveDispute.version).toBe(2);
    const stale = await asUser(gateway.url, 'baisha.cadre', MOVE, {
      input: { disputeId: id, toState: 'RESOLVED', expectedVersion: 1 },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
      currentState: 'MEDIATING',
    });
    const resolved = await asUser<{ moveDispute: { state: string; resolutionHours: number; notes: string } }>(
      gateway.url,
      'baisha.cadre',
      MOVE,
      { input: { disputeId: id, toState: 'RESOLVED', expectedVersion: 2, note: '达成一致' } },
    );
    expect(resolved.data!.moveDispute.state).toBe('RESOLVED');
    expect(resolved.data!.moveDispute.resolutionHours).toBeGreaterThanOrEqual(0);
    expect(resolved.data!.moveDispute.notes.split('\n')).toHaveLength(3);
    const final = await asUser(gateway.url, 'baisha.cadre', MOVE, {
      input: { disputeId: id, toState: 'ESCALATED', expectedVersion: 3 },
    });
    expect(final.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'FINAL' });
    const after = await asUser<{
      households: { edges: { node: { openDisputes: { id: string }[]; team: { openDisputes: number } } }[] };
    }>(gateway.url, 'baisha.cadre', teamQ);
    expect(after.data!.households.edges[0]!.node.openDisputes.map((d) => d.id)).not.toContain(id);
    expect(after.data!.households.edges[0]!.node.team.openDisputes).toBe(teamBefore);
  });

  it('a dispute of another tenant is NOT_FOUND, one seen but not worked is FORBIDDEN; neither changes', async () => {
    const { rows } = await owner.query<{ id: string; version: number; state: string }>(
      `SELECT d.id, d.version, d.state FROM dispute d JOIN work_team w ON w.id = d.team_id
       WHERE w.code = 'baisha-helper-jiangwei' AND d.state = 'MEDIATING' LIMIT 1`,
    );
    const d = rows[0]!;
    const move = { input: { disputeId: d.id, toState: 'RESOLVED', expectedVersion: d.version } };
    expect((await asUser(gateway.url, 'qiulu.commander', MOVE, move)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await asUser(gateway.url, 'baitang.viewer', MOVE, move)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await asUser(gateway.url, 'baitang.cadre', MOVE, move)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const now = await owner.query('SELECT version, state FROM dispute WHERE id = $1', [d.id]);
    expect(now.rows[0]).toEqual({ version: d.version, state: d.state });
  });

  it('a measurement credits the named cadre in cadre records; another team’s cadre is refused, writing nothing', async () => {
    const { rows } = await owner.query(
      `SELECT h.id, h.version, h.team_id AS "teamId" FROM household h JOIN headquarters q ON q.id = h.headquarters_id
       WHERE q.code = 'baitang-lake' AND h.stage = 'SURVEYED'
         AND EXISTS (SELECT 1 FROM cadre c WHERE c.team_id = h.team_id) ORDER BY h.code LIMIT 1`,
    );
    const household = rows[0]! as { id: string; version: number; teamId: string };
    const cadre = (
      await owner.query<{ id: string }>('SELECT id FROM cadre WHERE team_id = $1 ORDER BY name_zh LIMIT 1', [
        household.teamId,
      ])
    ).rows[0]!.id;
    const otherCadre = (
      await owner.query<{ id: string }>('SELECT id FROM cadre WHERE team_id <> $1 LIMIT 1', [
        household.teamId,
      ])
    ).rows[0]!.id;
    const record = async () =>
      (
        await asUser<{ cadreRecord: { measurements: number } }>(
          gateway.url,
          'baitang-lake.commander',
          'query ($c: ID!) { cadreRecord(cadreId: $c) { measurements } }',
          { c: cadre },
        )
      ).data!.cadreRecord.measurements;
    const before = await record();
    const input = (cadreId: string, key: string) => ({
      input: {
        householdId: household.id,
        toStage: 'MEASURED',
        expectedVersion: household.version,
        idempotencyKey: key,
        cadreId,
        ...payloadFor('MEASURED'),
      },
    });
    const wrong = await asUser(
      gateway.url,
      'baitang-lake.commander',
      ADVANCE,
      input(otherCadre, 'credit-wrong-0001'),
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['cadreId'] });
    expect(
      await count('household_event', 'household_id = $1 AND version > $2', [household.id, household.version]),
    ).toBe(0);
    const ok = await asUser(gateway.url, 'baitang-lake.commander', ADVANCE, input(cadre, 'credit-ok-000001'));
    expect(ok.errors).toBeUndefined();
    expect(await record()).toBe(before + 1);
  });

  it('visits are counted, off-hours among them, in the caller’s scope', async () => {
    const q = `query ($t: ID!) { visitSummary(filter: { teamId: $t }) { visits offHoursVisits households } }`;
    const r = await asUser<{ visitSummary: { visits: number; offHoursVisits: number; households: number } }>(
      gateway.url,
      'baisha.viewer',
      q,
      { t: jiangwei.teamId },
    );
    expect(r.data!.visitSummary).toEqual({
      visits: await count('visit', 'team_id = $1', [jiangwei.teamId]),
      offHoursVisits: await count('visit', 'team_id = $1 AND off_hours', [jiangwei.teamId]),
      households: (
        await owner.query<{ n: number }>(
          'SELECT count(DISTINCT household_id)::int AS n FROM visit WHERE team_id = $1',
          [jiangwei.teamId],
        )
      ).rows[0]!.n,
    });
    const outside = await asUser<{ visitSummary: { visits: number } }>(gateway.url, 'qiulu.viewer', q, {
      t: jiangwei.teamId,
    });
    expect(outside.data!.visitSummary.visits).toBe(0);
  });

  it('the dispute summary measures resolution time in the caller’s scope', async () => {
    const s = await asUser<{ disputeSummary: { resolved: number; meanResolutionHours: number | null } }>(
      gateway.url,
      'district.inspector',
      '{ disputeSummary { open mediating resolved escalated meanResolutionHours medianResolutionHours } }',
    );
    expect(s.data!.disputeSummary.resolved).toBe(await count('dispute', `state = 'RESOLVED'`));
    expect(s.data!.disputeSummary.meanResolutionHours).toBeGreaterThan(0);
  });
});
