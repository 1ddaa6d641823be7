import type { Principal } from '@hanjiang/authz';
import { sqlVisibilitySettings } from '@hanjiang/authz';
import type { Stage } from '@hanjiang/domain';
import type pg from 'pg';
import { CatalogueCache } from '../src/db/catalogue-cache.js';
import { RequestTransaction } from '../src/db/request-transaction.js';
import { WorkflowService } from '../src/modules/workflow/workflow.service.js';
import { createSeededDatabase, type TestDatabase, testPool, withScopeKey } from './helpers/database.js';

const ADMIN: Principal = {
  kind: 'user',
  subject: 'replay.admin',
  tenantKind: 'district',
  tenantCode: 'district',
  role: 'admin',
  teamId: null,
  membershipId: null,
};

/**
 * The demo seed bulk-loads, but must never invent numbers its events don't support: replaying every seeded
 * event through the real write path, in order, on a reset copy must give the same counters and milestones.
 */
describe('demo data agrees with the write path', () => {
  let seeded: TestDatabase;
  let replayed: TestDatabase;
  let a: pg.Pool;
  let b: pg.Pool;

  beforeAll(async () => {
    [seeded, replayed] = await Promise.all([createSeededDatabase(), createSeededDatabase()]);
    a = testPool(seeded.url, 2);
    b = await withScopeKey(testPool(replayed.url, 8));
    await b.query(`ALTER TABLE household_event DISABLE TRIGGER USER; ALTER TABLE milestone DISABLE TRIGGER USER;
      TRUNCATE household_event, milestone, progress_daily;
      ALTER TABLE household_event ENABLE TRIGGER USER; ALTER TABLE milestone ENABLE TRIGGER USER;
      UPDATE household SET stage = 'SURVEYED', version = 1, assessed_amount_fen = NULL, agreed_amount_fen = NULL,
        compensation_choice = NULL, resettlement_site_id = NULL, signed_at = NULL;
      UPDATE resettlement_site SET allocated_units = 0;
      UPDATE progress_counter SET measured = 0, assessed = 0, signed = 0, vacated = 0, demolished = 0, signed_area_m2 = 0`);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.end(), b?.end()]);
    await Promise.all([seeded?.drop(), replayed?.drop()]);
  });

  it('replaying every seeded event through advanceStage reproduces the counters and milestones', async () => {
    const catalogue = new CatalogueCache();
    await catalogue.load(b);
    const workflow = new WorkflowService(catalogue);
    const { rows: events } = await a.query<{
      id: string;
      household_id: string;
      to_stage: Stage;
      version: number;
      payload: Record<string, unknown>;
      day: string;
    }>(
      `SELECT id, household_id, to_stage, version, payload, (occurred_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day
       FROM household_event WHERE kind = 'ADVANCE' ORDER BY occurred_at, seq`,
    );
    expect(events.length).toBeGreaterThan(10_000);
    // Days in order; within a day, households in parallel (bounded), each household's events in order — as in
    // the field. Milestone sets do not depend on the order within a day (the first-team milestone is on day 13).
    const days = new Map<string, Map<string, typeof events>>();
    for (const e of events) {
      const households = days.get(e.day) ?? new Map<string, typeof events>();
      households.set(e.household_id, [...(households.get(e.household_id) ?? []), e]);
      days.set(e.day, households);
    }
    const replay = async (e: (typeof events)[number]) => {
      const tx = new RequestTransaction(b, sqlVisibilitySettings(ADMIN));
      try {
        await workflow.transition(
          { tx, principal: ADMIN },
          {
            kind: 'ADVANCE',
            householdId: e.household_id,
            toStage: e.to_stage,
            idempotencyKey: `replay-${e.id}`,
            expectedVersion: e.version - 1,
            payload: e.payload,
            reason: null,
          },
        );
        await tx.commit();
      } catch (error) {
        await tx.rollback();
        throw new Error(`event ${e.id} (${e.to_stage}) failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    };
    const started = Date.now();
    for (const households of days.values()) {
      const queue = [...households.values()];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            for (const e of next) await replay(e);
          }
        }),
      );
    }
    console.log(`replayed ${events.length} events in ${Date.now() - started} ms`);
    const counters = `SELECT scope_kind, scope_code, households, measured, assessed, signed, vacated, demolished,
      building_area_m2::text, signed_area_m2::text FROM progress_counter ORDER BY 1, 2`;
    expect((await b.query(counters)).rows).toEqual((await a.query(counters)).rows);
    const milestones = `SELECT scope_kind, scope_code, kind, threshold::text FROM milestone ORDER BY 1, 2, 3, 4`;
    const expected = (await a.query(milestones)).rows;
    expect(expected.length).toBeGreaterThan(50);
    expect((await b.query(milestones)).rows).toEqual(expected);
  }, 300_000);
});
