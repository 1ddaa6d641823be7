// Issue 13, item 20: the area measured at MEASURED is the area the household counts and signs with. Before, the
// measurement was stored in the event only; the counted (and signed) area stayed the survey's estimate.
import type pg from 'pg';
import type { Gateway } from '../src/server.js';
import type { TestDatabase } from './helpers/database.js';
import { closeSeededGateway, openSeededGateway } from './helpers/seeded-gateway.js';
import { advance, payloadFor } from './helpers/workflow.js';

describe('measured area', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  let owner: pg.Pool;

  beforeAll(async () => {
    ({ db, gateway, owner } = await openSeededGateway());
  }, 120_000);
  afterAll(() => closeSeededGateway({ db, gateway, owner }));

  const counter = async (kind: string, code: string) =>
    (
      await owner.query<{ building: string; signed: string }>(
        `SELECT building_area_m2::text AS building, signed_area_m2::text AS signed FROM progress_counter
         WHERE scope_kind = $1 AND scope_code = $2`,
        [kind, code],
      )
    ).rows[0]!;
  const household = async (id: string) =>
    (
      await owner.query<{ building: string; land: string; version: number }>(
        `SELECT building_area_m2::text AS building, land_area_m2::text AS land, version FROM household WHERE id = $1`,
        [id],
      )
    ).rows[0]!;
  const cents = (decimal: string) => Math.round(Number(decimal) * 100);

  it('measuring replaces the counted building and land area, and signing counts the measured area', async () => {
    const measured = payloadFor('MEASURED') as { measuredBuildingAreaM2: number; measuredLandAreaM2: number };
    const { rows } = await owner.query<{ id: string; version: number; building: string; hq: string }>(
      `SELECT h.id, h.version, h.building_area_m2::text AS building, q.code AS hq FROM household h
       JOIN township t ON t.id = h.township_id JOIN headquarters q ON q.id = h.headquarters_id
       WHERE t.code = 'baitang' AND h.stage = 'SURVEYED' AND h.building_area_m2 <> $1 ORDER BY h.code LIMIT 1`,
      [measured.measuredBuildingAreaM2],
    );
    const target = rows[0]!;
    const hqBefore = await counter('headquarters', target.hq);
    const campaignBefore = await counter('campaign', 'main');

    const result = await advance(gateway.url, 'baitang.commander', target, 'MEASURED');
    expect(result.errors).toBeUndefined();
    const after = await household(target.id);
    expect(after.building).toBe(measured.measuredBuildingAreaM2.toFixed(2));
    expect(after.land).toBe(measured.measuredLandAreaM2.toFixed(2));
    const delta = cents(after.building) - cents(target.building);
    expect(cents((await counter('headquarters', target.hq)).building)).toBe(cents(hqBefore.building) + delta);
    expect(cents((await counter('campaign', 'main')).building)).toBe(cents(campaignBefore.building) + delta);
    // The event remembers the area the measurement replaced.
    const { rows: event } = await owner.query<{ before: string }>(
      `SELECT payload ->> 'buildingAreaBeforeM2' AS before FROM household_event
       WHERE household_id = $1 AND to_stage = 'MEASURED'`,
      [target.id],
    );
    expect(cents(event[0]!.before)).toBe(cents(target.building));

    for (const stage of ['ASSESSED', 'SIGNED']) {
      const { version } = await household(target.id);
      const step = await advance(gateway.url, 'baitang.commander', { id: target.id, version }, stage);
      expect(step.errors).toBeUndefined();
    }
    expect(cents((await counter('campaign', 'main')).signed)).toBe(
      cents(campaignBefore.signed) + cents(after.building),
    );
  });
});
