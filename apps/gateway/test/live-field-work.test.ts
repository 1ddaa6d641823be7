// Issue 14 part D: field work goes live. Over real HTTP and WebSocket against real PostgreSQL: a visit or a dispute
// move reaches exactly the subscribers whose scope holds the household, only after COMMIT, never on rollback, and
// carries the team's standing (open disputes) and the household card, re-read under the subscriber's RLS.
import type { Client } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { wsClient } from './helpers/graphql.js';
import { fanoutDelta, fanoutStats } from '../src/live/fanout-stats.js';
import { Collector, sleep } from './helpers/live.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser, tokenFor } from './helpers/sessions.js';

type Change = {
  fieldWorkChanged: {
    kind: 'VISIT' | 'DISPUTE';
    householdId: string;
    visit: { id: string; offHours: boolean } | null;
    dispute: { id: string; state: string } | null;
    team: { code: string; openDisputes: number } | null;
    household: { id: string; openDisputes: { id: string }[] } | null;
  };
};
const CHANGED = `subscription ($filter: FieldWorkFilter) { fieldWorkChanged(filter: $filter) { kind householdId
  visit { id offHours } dispute { id state } team { code openDisputes } household { id openDisputes { id } } } }`;
const RECORD = `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`;
const TWO = `mutation ($a: RecordVisitInput!, $b: RecordVisitInput!) { a: recordVisit(input: $a) { id }
  b: recordVisit(input: $b) { id } }`;
const OPEN = `mutation ($input: OpenDisputeInput!) { openDispute(input: $input) { id version } }`;
const MOVE = `mutation ($input: MoveDisputeInput!) { moveDispute(input: $input) { id version state } }`;

const SUBSCRIBERS = ['baisha.viewer', 'qiulu.viewer', 'district.inspector'] as const;

/** An evening visit (20:15 Asia/Shanghai yesterday) to `householdId`. */
function visit(householdId: string, key: string, extra: Record<string, unknown> = {}) {
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1, 12, 15));
  return {
    householdId,
    visitedAt: at.toISOString(),
    metWith: '户主本人',
    purpose: 'SIGNING_TALK',
    outcome: '晚饭后入户,户主同意周末签约',
    idempotencyKey: key,
    ...extra,
  };
}

describe('fieldWorkChanged: visits and disputes, live and scoped', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  const clients: Client[] = [];
  const streams = new Map<string, Collector<Change>>();
  let baisha: string; // a household 白沙's 江尾 group works (in 白塘)
  let qiulu: string; // a household of qiulu.cadre's own team

  const householdOfTeam = async (username: string, teamCode?: string) => {
    const team = (jwt.decode(await tokenFor(gateway.url, username)) as { team: string | null }).team;
    const { rows } = await owner.query<{ id: string }>(
      `SELECT h.id FROM household h JOIN work_team w ON w.id = h.team_id
       WHERE ($1::text IS NULL OR w.code = $1) AND ($2::uuid IS NULL OR w.id = $2) ORDER BY h.code LIMIT 1`,
      [teamCode ?? null, teamCode ? null : team],
    );
    return rows[0]!.id;
  };
  const ids = (username: string) =>
    streams.get(username)!.items.map((i) => {
      expect(i.errors).toBeUndefined();
      return i.data!.fieldWorkChanged.visit?.id ?? i.data!.fieldWorkChanged.dispute!.id;
    });

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway());
    baisha = await householdOfTeam('baisha.cadre', 'baisha-helper-jiangwei');
    qiulu = await householdOfTeam('qiulu.cadre');
    for (const username of SUBSCRIBERS) {
      const client = wsClient(gateway.url, {
        authorization: `Bearer ${await tokenFor(gateway.url, username)}`,
      });
      clients.push(client);
      streams.set(username, new Collector<Change>(client, CHANGED));
    }
    await sleep(300); // no initial item: let the subscriptions register
  }, 120_000);
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await closeSeededGateway({ db, gateway, owner });
  });

  it('a township subscriber sees its own team’s visit and not another township’s', async () => {
    const mine = await asUser<{ recordVisit: { id: string } }>(gateway.url, 'baisha.cadre', RECORD, {
      input: visit(baisha, 'live-visit-baisha-01'),
    });
    expect(mine.errors).toBeUndefined();
    const theirs = await asUser<{ recordVisit: { id: string } }>(gateway.url, 'qiulu.cadre', RECORD, {
      input: visit(qiulu, 'live-visit-qiulu-01'),
    });
    expect(theirs.errors).toBeUndefined();
    const [a, b] = [mine.data!.recordVisit.id, theirs.data!.recordVisit.id];
    await streams.get('district.inspector')!.waitFor(2);
    await streams.get('baisha.viewer')!.waitFor(1);
    await streams.get('qiulu.viewer')!.waitFor(1);
    await sleep(300); // anything wrongly delivered has arrived by now
    expect(ids('baisha.viewer')).toEqual([a]);
    expect(ids('qiulu.viewer')).toEqual([b]);
    expect(ids('district.inspector').sort()).toEqual([a, b].sort());
    const seen = streams.get('baisha.viewer')!.items[0]!.data!.fieldWorkChanged;
    expect(seen).toMatchObject({ kind: 'VISIT', householdId: baisha, visit: { offHours: true } });
    expect(seen.team?.code).toBe('baisha-helper-jiangwei');
  });

  it('a rolled-back write announces nothing; a committed one is readable when its event arrives', async () => {
    const before = streams.get('baisha.viewer')!.items.length;
    // The second field fails (a visit in the future), so the whole mutation rolls back, the first visit too.
    const failed = await asUser(gateway.url, 'baisha.cadre', TWO, {
      a: visit(baisha, 'live-visit-rollback-a'),
      b: visit(baisha, 'live-visit-rollback-b', {
        visitedAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    });
    expect(failed.errors?.length).toBeGreaterThan(0);
    const { rows } = await owner.query(
      `SELECT 1 FROM visit WHERE idempotency_key LIKE 'live-visit-rollback-%'`,
    );
    expect(rows).toHaveLength(0);
    await sleep(500);
    expect(streams.get('baisha.viewer')!.items).toHaveLength(before);

    const ok = await asUser<{ recordVisit: { id: string } }>(gateway.url, 'baisha.cadre', RECORD, {
      input: visit(baisha, 'live-visit-after-01'),
    });
    await streams.get('baisha.viewer')!.waitFor(before + 1);
    // The stream re-read the row in its own transaction: it could only do so after COMMIT.
    expect(streams.get('baisha.viewer')!.last!.data!.fieldWorkChanged.visit?.id).toBe(
      ok.data!.recordVisit.id,
    );
  });

  it('opening and mediating a dispute moves the team’s standing and the household card, live', async () => {
    const start = streams.get('baisha.viewer')!.items.length;
    const opened = await asUser<{ openDispute: { id: string; version: number } }>(
      gateway.url,
      'baisha.cadre',
      OPEN,
      {
        input: {
          householdId: baisha,
          category: 'BOUNDARY_AREA',
          mediator: '江尾组长',
          idempotencyKey: 'live-dispute-01',
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    const { id } = opened.data!.openDispute;
    let version = opened.data!.openDispute.version;
    for (const toState of ['MEDIATING', 'RESOLVED']) {
      const moved = await asUser<{ moveDispute: { version: number } }>(gateway.url, 'baisha.cadre', MOVE, {
        input: { disputeId: id, toState, expectedVersion: version, note: `${toState} 江尾组` },
      });
      expect(moved.errors).toBeUndefined();
      version = moved.data!.moveDispute.version;
    }
    const items = (await streams.get('baisha.viewer')!.waitFor(start + 3)).slice(start);
    const changes = items.map((i) => i.data!.fieldWorkChanged);
    expect(changes.map((c) => c.dispute?.state)).toEqual(['OPEN', 'MEDIATING', 'RESOLVED']);
    const open = changes.map((c) => c.team!.openDisputes);
    expect(open[0]).toBe(open[1]);
    expect(open[2]).toBe(open[0]! - 1);
    expect(changes[0]!.household!.openDisputes.map((d) => d.id)).toContain(id);
    expect(changes[2]!.household!.openDisputes.map((d) => d.id)).not.toContain(id);
    await sleep(300);
    expect(ids('qiulu.viewer')).not.toContain(id);
  });

  it('fans out in one pass: one execution per group of identical subscriptions, none for unconcerned ones', async () => {
    const extra = wsClient(gateway.url, {
      authorization: `Bearer ${await tokenFor(gateway.url, 'baisha.viewer')}`,
    });
    clients.push(extra);
    const twins = Array.from({ length: 5 }, () => new Collector<Change>(extra, CHANGED));
    await sleep(300);
    const before = fanoutStats();
    const done = await asUser(gateway.url, 'baisha.cadre', RECORD, {
      input: visit(baisha, 'live-visit-fanout-01'),
    });
    expect(done.errors).toBeUndefined();
    for (const twin of twins) await twin.waitFor(1);
    await sleep(300);
    const delta = fanoutDelta(before);
    // baisha.viewer's group (6 members) and district.inspector's: qiulu.viewer's is filtered out without SQL.
    expect(delta).toMatchObject({ busEvents: 1, executions: 2, deliveries: 7, privateSubscriptions: 0 });
  });
});
