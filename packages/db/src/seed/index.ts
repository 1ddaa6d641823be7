// The deterministic demo seed: geography, teams, households and their event histories, the counters and
// milestones those events imply, inspections and demo accounts — written in ONE transaction, so a seed
// that fails leaves nothing behind. Imported as '@hanjiang/db/seed' (not from the main entry), so that only the
// code that seeds loads it.
import { addDays, STAGES, type Stage } from '@hanjiang/domain';
import type pg from 'pg';
import { buildDemo, type DemoData } from './build-demo.js';
import { campaignCalendar } from './campaign-calendar.js';
import { upsertCatalogue } from '../catalogue.js';
import { checkCounters } from './check-counters.js';
import type { CatalogueIds } from './model.js';
import { writeInspections } from './inspections.js';
import { computeProgressCounters, recountProgress } from '../progress/recount.js';
import { teamVillages, writeCampaign, writeWorld } from './write-world.js';
import { writeEvents, writeHouseholds, writeMilestones } from './write-history.js';
import { writeFieldWork } from './write-field-work.js';
import {
  actorsByTeam,
  hashPasswords,
  prepareAccounts,
  writeAccounts,
  type PreparedAccount,
} from './write-accounts.js';
import { writeDemoDisplayKey } from '../demo/display-key.js';
import { summariseDays } from '../summary/summarise.js';
import { writePastPlans } from './write-plans.js';

export { DEMO_CAMPAIGN_DAY } from './campaign-calendar.js';

export interface SeedOptions {
  /** Multiplies households (villages and teams stay the same); a positive integer, default 1 (≈8,600). */
  scale?: number;
  /** Password of every demo account. */
  demoPassword: string;
  /** The moment the demo is seeded at: always day 27 of the campaign. Default: the real current time. */
  now?: Date;
  /** Also write the demo display key (demoDisplayKey) for the big screen: demo mode only. */
  demoDisplayKey?: boolean;
  /** Rows written so far of the total, and the phase being written. */
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface SeedSummary {
  scale: number;
  campaignStartDate: string;
  campaignDay: number;
  villages: number;
  teams: number;
  cadres: number;
  households: number;
  events: number;
  milestones: number;
  inspections: number;
  visits: number;
  offHoursVisits: number;
  disputes: number;
  escalations: number;
  /** Past days' team plans (one per team and day it had planned work). */
  plans: number;
  accounts: number;
  buildingAreaM2: number;
  landAreaM2: number;
  signedAreaM2: number;
  /** Households at each stage (not cumulative). */
  stages: Record<Stage, number>;
  durationMs: number;
}

export class AlreadySeededError extends Error {
  constructor() {
    super('the database already has a campaign: seed only an empty database');
  }
}

// Any constant: two processes seeding the same database take turns, and the second finds it seeded.
const SEED_LOCK_KEY = 7_226_412;

/** True when the campaign table has a row (the seed, or real data, is in place). */
export async function isSeeded(pool: pg.Pool | pg.PoolClient): Promise<boolean> {
  const result = await pool.query<{ seeded: boolean }>('SELECT EXISTS (SELECT 1 FROM campaign) AS seeded');
  return result.rows[0]?.seeded === true;
}

/** Everything the seed writes, counted for `onProgress` (the counters count one per scope). */
function rowsToWrite(demo: DemoData, accounts: readonly PreparedAccount[]): number {
  const { world, replay } = demo;
  return (
    accounts.reduce((n, a) => n + 1 + a.memberships.length, 0) +
    1 + // the campaign
    world.villages.length +
    world.teams.length +
    teamVillages(world).length +
    world.cadres.length +
    demo.sites.length +
    world.households.length +
    demo.events.length +
    replay.milestones.length +
    demo.inspections.length +
    demo.fieldWork.visits.length +
    demo.fieldWork.disputes.length +
    1 + // the escalation
    replay.tallies.size
  );
}

async function catalogueIds(client: pg.PoolClient): Promise<CatalogueIds> {
  const read = async (table: string): Promise<Map<string, string>> => {
    const result = await client.query<{ code: string; id: string }>(`SELECT code, id FROM ${table}`);
    return new Map(result.rows.map((r) => [r.code, r.id]));
  };
  return {
    township: await read('township'),
    headquarters: await read('headquarters'),
    unit: await read('district_unit'),
  };
}

export async function seedDemo(pool: pg.Pool, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`seed: scale must be a positive integer, got ${scale}`);
  if (options.demoPassword.length === 0) throw new RangeError('seed: the demo password must not be empty');
  const calendar = campaignCalendar(options.now ?? new Date());
  const accounts = prepareAccounts();
  const stopHashing = new AbortController();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One long transaction with Node-side work between statements: the pool's request timeouts do not apply.
    await client.query('SET LOCAL statement_timeout = 0; SET LOCAL idle_in_transaction_session_timeout = 0');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if (await isSeeded(client)) throw new AlreadySeededError();
    // scrypt runs on the thread pool while the demo is built and written; only the account rows wait for it.
    const hashing = hashPasswords(accounts, options.demoPassword, stopHashing.signal);
    hashing.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    await upsertCatalogue(client);
    const demo = buildDemo(await catalogueIds(client), scale, calendar, actorsByTeam(accounts));
    const { world, events, replay } = demo;
    const total = rowsToWrite(demo, accounts);
    let done = 0;
    let phase = 'geography';
    const tick = (n: number): void => {
      done += n;
      options.onProgress?.(done, total, phase);
    };

    await writeCampaign(client, calendar);
    tick(1);
    await writeWorld(client, world, demo.sites, calendar, tick);
    phase = 'households';
    await writeHouseholds(client, world.households, tick);
    phase = 'events';
    await writeEvents(client, events, tick, demo.fieldWork.creditOf);
    phase = 'milestones';
    await writeMilestones(client, replay.milestones, tick);
    phase = 'inspections';
    await writeInspections(client, demo.inspections, tick);
    phase = 'field work';
    const { escalations } = await writeFieldWork(client, demo.fieldWork, calendar.now, tick);
    phase = 'accounts';
    await writeAccounts(client, accounts, await hashing, world.teamsByCode, tick);
    if (options.demoDisplayKey) await writeDemoDisplayKey(client, options.demoPassword);
    phase = 'counters';
    await recountProgress(client);
    checkCounters(await computeProgressCounters(client), replay.tallies);
    tick(replay.tallies.size);
    // Tonight's summary for every past day of the demo (day 1 to yesterday), counted as the nightly job counts.
    phase = 'summaries';
    // Each past day's plan first, from the work the teams then did, so the summaries count plan fulfilment.
    let plans = 0;
    if (calendar.today > 1) {
      const lastPastDay = addDays(calendar.startDate, calendar.today - 2);
      plans = (await writePastPlans(client, calendar.startDate, lastPastDay)).plans;
      await summariseDays(client, calendar.startDate, lastPastDay, 'SEED', 'seed');
    }
    await client.query('COMMIT');

    const campaign = replay.tallies.get('campaign:main');
    const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    for (const h of world.households) stages[h.stage] += 1;
    return {
      scale,
      campaignStartDate: calendar.startDate,
      campaignDay: calendar.today,
      villages: world.villages.length,
      teams: world.teams.length,
      cadres: world.cadres.length,
      households: world.households.length,
      events: events.length,
      milestones: replay.milestones.length,
      inspections: demo.inspections.length,
      visits: demo.fieldWork.visits.length,
      offHoursVisits: demo.fieldWork.visits.filter((v) => v.offHours).length,
      disputes: demo.fieldWork.disputes.length,
      escalations,
      plans,
      accounts: accounts.length,
      buildingAreaM2: (campaign?.buildingCents ?? 0) / 100,
      landAreaM2: world.households.reduce((sum, h) => sum + h.landCents, 0) / 100,
      signedAreaM2: (campaign?.signedCents ?? 0) / 100,
      stages,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    stopHashing.abort();
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
