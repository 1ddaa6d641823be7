import type { Client } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import { createSeededDatabase, type TestDatabase } from './helpers/database.js';
import { wsClient } from './helpers/graphql.js';
import { startTestGateway } from './helpers/in-process.js';
import { Collector, ownerPool, sleep, touchHousehold, writeLive } from './helpers/live.js';
import { tokenFor } from './helpers/sessions.js';

type Changed = {
  householdChanged: {
    id: string;
    township: { code: string };
    headquarters: { code: string };
    ownerIdNumber: string;
    phone: string | null;
    piiMasked: boolean;
  };
};
type Target = { id: string; township: string; hq: string; home: string | null; teamId: string | null };

const CHANGED = `subscription ($filter: HouseholdFilter) { householdChanged(filter: $filter) {
  id township { code } headquarters { code } ownerIdNumber phone piiMasked } }`;

// (township, headquarters, team's home township): own work, helped work across townships, unassigned.
const COMBOS: [string, string, string | null][] = [
  ['baitang', 'baitang-lake', 'baisha'],
  ['baitang', 'baitang-lake', 'baitang'],
  ['jiangkou', 'hanjiang-station', 'qiulu'],
  ['jiangkou', 'food-park', null],
  ['qiulu', 'food-park', 'qiulu'],
  ['wutang', 'university-town', 'zhuangbian'],
  ['guohuan', 'north-equipment-park', 'guohuan'],
  ['sanjiangkou', 'coastal-park', 'sanjiangkou'],
];

const SUBSCRIBERS = [
  'baitang.viewer',
  'baitang.commander',
  'baisha.viewer',
  'baisha.cadre',
  'qiulu.viewer',
  'jiangkou.viewer',
  'zhuangbian.viewer',
  'baitang-lake.commander',
  'food-park.viewer',
  'hanjiang-station.viewer',
  'district.admin',
  'district.inspector',
];

/** The tenant rule as the design states it, restated here independently of packages/authz. */
function visible(username: string, h: Target): boolean {
  const tenant = username.split('.')[0]!;
  if (tenant === 'district') return true;
  if (tenant.includes('-')) return h.hq === tenant; // headquarters codes are the hyphenated ones
  return h.township === tenant || h.home === tenant;
}

describe('householdChanged: a subscriber never receives another scope’s household', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;
  const clients: Client[] = [];
  const streams = new Map<string, Collector<Changed>>();
  let foodParkOnly: Collector<Changed>;
  let targets: Target[] = [];
  let cadreTeam: string | null = null;

  beforeAll(async () => {
    db = await createSeededDatabase();
    gateway = await startTestGateway(db.url);
    owner = ownerPool(db.url);
    const cadreToken = await tokenFor(gateway.url, 'baisha.cadre');
    cadreTeam = (jwt.decode(cadreToken) as { team: string | null }).team;
    for (const [township, hq, home] of COMBOS) {
      const { rows } = await owner.query<Target>(
        `SELECT h.id, t.code AS township, q.code AS hq, ht.code AS home, h.team_id AS "teamId"
         FROM household h JOIN township t ON t.id = h.township_id JOIN headquarters q ON q.id = h.headquarters_id
         LEFT JOIN township ht ON ht.id = h.team_home_township_id
         WHERE t.code = $1 AND q.code = $2 AND ht.code IS NOT DISTINCT FROM $3
         ORDER BY (h.team_id IS NOT DISTINCT FROM $4::uuid) DESC, h.code LIMIT 1`,
        [township, hq, home, cadreTeam],
      );
      expect(rows).toHaveLength(1);
      targets.push(rows[0]!);
    }
    targets = targets.filter((t, i) => targets.findIndex((u) => u.id === t.id) === i);
    for (const username of SUBSCRIBERS) {
      const client = wsClient(gateway.url, {
        authorization: `Bearer ${await tokenFor(gateway.url, username)}`,
      });
      clients.push(client);
      streams.set(username, new Collector<Changed>(client, CHANGED));
    }
    foodParkOnly = new Collector<Changed>(clients.at(-2)!, CHANGED, {
      filter: { headquartersCode: 'food-park' },
    });
    await sleep(300); // subscriptions have no initial item: let them register
    await writeLive(owner, async (client) => {
      const events = [];
      for (const target of targets) events.push(await touchHousehold(client, target.id));
      return events;
    });
    await streams.get('district.admin')!.waitFor(targets.length);
    await foodParkOnly.waitFor(2);
    await sleep(300); // anything wrongly delivered elsewhere has arrived by now
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await owner?.end();
    await gateway?.stop();
    await db?.drop();
  });

  it.each(SUBSCRIBERS)('%s receives exactly the households in its scope', (username) => {
    const stream = streams.get(username)!;
    expect(stream.items.every((i) => i.errors === undefined)).toBe(true);
    const received = stream.items.map((i) => i.data!.householdChanged.id).sort();
    const expected = targets
      .filter((t) => visible(username, t))
      .map((t) => t.id)
      .sort();
    expect(received).toEqual(expected);
  });

  it('the matrix is not trivial: helped households reach the helper township, and scopes differ', () => {
    const helped = targets.find((t) => t.home === 'baisha')!;
    expect(visible('baisha.viewer', helped)).toBe(true);
    expect(streams.get('baisha.viewer')!.items.map((i) => i.data!.householdChanged.id)).toContain(helped.id);
    const counts = SUBSCRIBERS.map((u) => streams.get(u)!.items.length);
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
    const cadreItems = streams.get('baisha.cadre')!.items.map((i) => i.data!.householdChanged);
    expect(cadreItems.some((h) => !h.piiMasked)).toBe(true); // its own team's household, in another township
  });

  it.each(SUBSCRIBERS)('%s sees personal data masked exactly as the rules say', (username) => {
    for (const item of streams.get(username)!.items) {
      const h = item.data!.householdChanged;
      const target = targets.find((t) => t.id === h.id)!;
      const unmasked =
        username === 'district.admin' ||
        (username === 'baitang.commander' && target.township === 'baitang') ||
        (username === 'baisha.cadre' && target.teamId !== null && target.teamId === cadreTeam);
      expect({ username, id: h.id, masked: h.piiMasked }).toEqual({ username, id: h.id, masked: !unmasked });
      if (!unmasked) expect(h.ownerIdNumber).toMatch(/^\d{6}\*{8}[\dX*]{4}$/);
      else expect(h.ownerIdNumber).toMatch(/^\d{17}[\dX]$/);
    }
  });

  it('applies the subscriber’s own filter on top of its scope', () => {
    const ids = foodParkOnly.items.map((i) => i.data!.householdChanged.headquarters.code);
    expect(ids).toEqual(['food-park', 'food-park']);
  });
});
