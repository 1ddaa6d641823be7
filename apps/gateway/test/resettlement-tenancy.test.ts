// Issue 13, item 6: a household draws resettlement units only from its own headquarters' sites, and callers see
// only the sites that concern them. Before, baisha.cadre signed a 白塘湖 household into 涵江动车站片区's site.
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { asUser } from './helpers/sessions.js';

const SIGN = `mutation ($id: ID!, $v: Int!, $k: String!, $site: ID!) { advanceStage(input: { householdId: $id,
  toStage: SIGNED, expectedVersion: $v, idempotencyKey: $k, agreedAmountYuan: "900000.00",
  compensationChoice: PROPERTY_SWAP, resettlementSiteId: $site }) { stage version } }`;
const SITES = `{ resettlementSites { id headquarters { code } } }`;

describe('resettlement sites and tenancy', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway());
  }, 120_000);
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  const allocated = async (id: string) =>
    (
      await owner.query<{ n: number }>('SELECT allocated_units AS n FROM resettlement_site WHERE id = $1', [
        id,
      ])
    ).rows[0]!.n;
  const events = async (household: string) =>
    Number(
      (
        await owner.query<{ n: string }>(
          'SELECT count(*) AS n FROM household_event WHERE household_id = $1',
          [household],
        )
      ).rows[0]!.n,
    );

  it("baisha's helper cadre cannot sign a 白塘湖 household into another headquarters' site; its own works", async () => {
    const { rows } = await owner.query<{ id: string; version: number; hq: string }>(
      `SELECT h.id, h.version, h.headquarters_id AS hq FROM household h JOIN work_team w ON w.id = h.team_id
       WHERE w.code = 'baisha-helper-jiangwei' AND h.stage = 'ASSESSED' ORDER BY h.code LIMIT 1`,
    );
    const household = rows[0]!;
    const site = async (own: boolean) =>
      (
        await owner.query<{ id: string }>(
          `SELECT id FROM resettlement_site WHERE (headquarters_id = $1) = $2 AND allocated_units < planned_units
           ORDER BY name_zh LIMIT 1`,
          [household.hq, own],
        )
      ).rows[0]!.id;
    const [foreign, own] = [await site(false), await site(true)];
    const foreignBefore = await allocated(foreign);

    const refused = await asUser(gateway.url, 'baisha.cadre', SIGN, {
      id: household.id,
      v: household.version,
      k: 'swap-foreign-site-0001',
      site: foreign,
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageZh: '安置房源不存在,或不属于该户所在的指挥部',
    });
    expect(await allocated(foreign)).toBe(foreignBefore);
    expect(await events(household.id)).toBe(household.version - 1);

    const ownBefore = await allocated(own);
    const signed = await asUser<{ advanceStage: { stage: string } }>(gateway.url, 'baisha.cadre', SIGN, {
      id: household.id,
      v: household.version,
      k: 'swap-own-site-0001',
      site: own,
    });
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.advanceStage.stage).toBe('SIGNED');
    expect(await allocated(own)).toBe(ownBefore + 1);
  });

  it('a commander reverting a property-swap signing gives the unit back', async () => {
    const { rows } = await owner.query<{ id: string; version: number; site: string }>(
      `SELECT h.id, h.version, h.resettlement_site_id AS site FROM household h JOIN township t ON t.id = h.township_id
       WHERE t.code = 'baitang' AND h.stage = 'SIGNED' AND h.resettlement_site_id IS NOT NULL LIMIT 1`,
    );
    const household = rows[0]!;
    const before = await allocated(household.site);
    const reverted = await asUser(
      gateway.url,
      'baitang.commander',
      `mutation ($id: ID!, $v: Int!) { revertStage(input: { householdId: $id, expectedVersion: $v,
         idempotencyKey: "revert-swap-0001", reason: "协议金额录入错误,退回重签" }) { stage } }`,
      { id: household.id, v: household.version },
    );
    expect(reverted.errors).toBeUndefined();
    expect(await allocated(household.site)).toBe(before - 1);
  });

  it('resettlementSites lists what concerns the caller only: own headquarters, own township and its teams’ headquarters', async () => {
    const ids = async (user: string) =>
      (await asUser<{ resettlementSites: { id: string }[] }>(gateway.url, user, SITES))
        .data!.resettlementSites.map((s) => s.id)
        .sort();
    const expected = async (sql: string, code: string) =>
      (await owner.query<{ id: string }>(sql, [code])).rows.map((r) => r.id).sort();

    const all = (await owner.query<{ id: string }>('SELECT id FROM resettlement_site')).rows.length;
    expect(await ids('district.inspector')).toHaveLength(all);
    const station = await ids('hanjiang-station.viewer');
    expect(station).toEqual(
      await expected(
        `SELECT s.id FROM resettlement_site s JOIN headquarters q ON q.id = s.headquarters_id WHERE q.code = $1`,
        'hanjiang-station',
      ),
    );
    expect(station.length).toBeLessThan(all);
    const baisha = await ids('baisha.cadre');
    expect(baisha).toEqual(
      await expected(
        `SELECT s.id FROM resettlement_site s, township t WHERE t.code = $1 AND (s.township_id = t.id
           OR s.headquarters_id IN (SELECT headquarters_id FROM work_team WHERE township_id = t.id))`,
        'baisha',
      ),
    );
    expect(baisha.some((id) => station.includes(id))).toBe(false);
  });
});
