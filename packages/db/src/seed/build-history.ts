// Each household's history as events, one per stage transition, from which its row is then projected:
// the seed never writes a stage, an amount or a signing that no event carries.
import { createHash, randomUUID } from 'node:crypto';
import { CompensationChoice, nextStage, Stage, validateTransitionPayload } from '@hanjiang/domain';
import { timeOnDay, type CampaignCalendar } from './campaign-calendar.js';
import type { SeedEvent, SeedHousehold, SeedSite, SeedTeam } from './model.js';
import type { Rng } from './prng.js';
import { stageCounts, teamPace } from './progress-plan.js';
import { allocateUnit } from './resettlement.js';

/** Who records a team's events: its demo cadre account when it has one, else `seed:<team code>`. */
export interface Actor {
  readonly subject: string;
  readonly membershipId: string | null;
}

/** Days between one step and the next, before squeezing into the days the campaign has had so far. */
const STEP_GAP_DAYS: Readonly<Record<Stage, readonly [number, number]>> = {
  SURVEYED: [0, 0],
  MEASURED: [0, 0],
  ASSESSED: [1, 5],
  SIGNED: [1, 6],
  VACATED: [2, 6],
  DEMOLISHED: [1, 4],
};

/** Share of signings that choose a property swap over cash (flats in old communities far more often). */
const SWAP_SHARE = (hqCode: string): number => (hqCode === 'old-community-renewal' ? 0.7 : 0.5);

/**
 * The campaign days of a household's transitions: `from` (the stage reached on `startDay`, MEASURED unless
 * told), then each later step a few days after the previous one. The last step lands on a day drawn between
 * the earliest the gaps allow and today, later days more likely, and the gaps are stretched or squeezed
 * (keeping their order) to end there. So work reaches every day up to today, the pace rising as the pipeline
 * fills — with fixed gaps a household measured early was done by day 20, and days 24–26 had no signing — and
 * nothing falls after today.
 */
function stepDays(
  steps: number,
  startDay: number,
  today: number,
  rng: Rng,
  from: Stage = Stage.MEASURED,
): number[] {
  const days = [startDay];
  let stage: Stage = from;
  for (let j = 1; j < steps; j += 1) {
    stage = nextStage(stage) ?? Stage.DEMOLISHED;
    const [min, max] = STEP_GAP_DAYS[stage];
    days.push((days[j - 1] ?? startDay) + rng.int(min, max));
  }
  const natural = days[days.length - 1] ?? startDay;
  if (natural === startDay) return days.map((d) => Math.min(d, today));
  const earliest = Math.min(today, startDay + steps - 1);
  // sqrt of a uniform draw: a linearly rising density over [earliest, today], so the latest days are busiest.
  const end = Math.min(today, earliest + Math.floor(Math.sqrt(rng.next()) * (today - earliest + 1)));
  return days.map((d) => startDay + Math.round(((d - startDay) * (end - startDay)) / (natural - startDay)));
}

/**
 * A team's first signings (首签户): owners who agree at the first visits are measured on the team's first
 * day, assessed within a day and sign within three more — campaigns reward early signers — so signings begin
 * on day 1 rather than after the usual measuring and assessing.
 */
function firstSignerDays(steps: number, firstDay: number, today: number, rng: Rng): number[] {
  const assessed = Math.min(today, firstDay + rng.int(0, 1));
  const signed = Math.min(today, assessed + rng.int(0, 3));
  const after = stepDays(steps - 2, signed, today, rng, Stage.SIGNED).slice(1);
  return [firstDay, assessed, signed, ...after];
}

/** Share of a team's households (at least one) that are its first signers. */
const FIRST_SIGNERS_SHARE = 0.005;

function payloadFor(
  h: SeedHousehold,
  to: Stage,
  sites: SeedSite[],
  rng: Rng,
): Record<string, string | number> {
  switch (to) {
    case Stage.MEASURED:
      return { measuredBuildingAreaM2: h.buildingCents / 100, measuredLandAreaM2: h.landCents / 100 };
    case Stage.ASSESSED:
      // fen = m² × yuan/m² × 100 = hundredths of m² × yuan/m²: an exact integer.
      return { assessedAmountFen: h.buildingCents * h.priceYuanPerM2 };
    case Stage.SIGNED: {
      const assessed = h.assessedFen ?? h.buildingCents * h.priceYuanPerM2;
      // Agreements land a little above the assessment (relocation and early-signing awards), in whole yuan.
      const agreedAmountFen = Math.round((assessed * rng.between(1, 1.06)) / 100) * 100;
      const site = rng.chance(SWAP_SHARE(h.village.plan.headquartersCode))
        ? allocateUnit(sites, h.village.plan.headquartersCode, rng)
        : null;
      return site === null
        ? { agreedAmountFen, compensationChoice: CompensationChoice.CASH }
        : {
            agreedAmountFen,
            compensationChoice: CompensationChoice.PROPERTY_SWAP,
            resettlementSiteId: site.id,
          };
    }
    case Stage.SURVEYED:
    case Stage.VACATED:
    case Stage.DEMOLISHED:
      return {};
  }
}

function project(h: SeedHousehold, event: SeedEvent): void {
  const p = event.payload;
  h.stage = event.toStage;
  h.version = event.version;
  h.updatedAt = event.occurredAt;
  if (typeof p.assessedAmountFen === 'number') h.assessedFen = p.assessedAmountFen;
  if (typeof p.agreedAmountFen === 'number') {
    h.agreedFen = p.agreedAmountFen;
    h.choice = p.compensationChoice === CompensationChoice.PROPERTY_SWAP ? 'PROPERTY_SWAP' : 'CASH';
    h.siteId = typeof p.resettlementSiteId === 'string' ? p.resettlementSiteId : null;
    h.signedAt = event.occurredAt;
  }
}

/** A stable hash of what was asked (household, step and payload, with the site by its code, not its random id). */
function requestHash(
  h: SeedHousehold,
  to: Stage,
  payload: Record<string, string | number>,
  sites: SeedSite[],
): string {
  const site = sites.find((s) => s.id === payload.resettlementSiteId)?.code;
  const stable = {
    household: h.code,
    toStage: to,
    ...payload,
    ...(site === undefined ? {} : { resettlementSiteId: site }),
  };
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex');
}

/** The events of one leaf team's households, projecting each household as they are made. */
export function teamHistory(
  team: SeedTeam,
  households: readonly SeedHousehold[],
  calendar: CampaignCalendar,
  sites: SeedSite[],
  actor: Actor,
  rng: Rng,
): SeedEvent[] {
  const pace = teamPace(team.plan.code, team.plan.headquartersCode, rng);
  const n = households.length;
  // Who gets furthest: mostly chance, partly size — large properties (factories) take longer to settle.
  const bySize = [...households.keys()].sort(
    (a, b) => (households[a]?.buildingCents ?? 0) - (households[b]?.buildingCents ?? 0),
  );
  const sizeRank = new Map(bySize.map((index, rank) => [index, n > 1 ? rank / (n - 1) : 0]));
  const order = [...households.keys()]
    .map((index) => ({ index, u: 0.55 * rng.next() + 0.45 * (sizeRank.get(index) ?? 0) }))
    .sort((a, b) => a.u - b.u || a.index - b.index)
    .map((x) => x.index);
  const counts = stageCounts(pace, n);
  const measuredCount = counts[0];
  const [firstDay, lastDay] = pace.measureDays;
  const events: SeedEvent[] = [];
  order.forEach((index, rank) => {
    const h = households[index];
    const steps = counts.filter((c) => rank < c).length;
    if (h === undefined || steps === 0) return;
    // Measured in order of progress, spread over the team's window; the last one measured on its last day.
    const measureDay =
      measuredCount > 1
        ? firstDay + Math.round((rank / (measuredCount - 1)) * (lastDay - firstDay))
        : firstDay;
    const firstSigner = rank < Math.max(1, Math.round(FIRST_SIGNERS_SHARE * n)) && steps >= 3;
    const days = firstSigner
      ? firstSignerDays(steps, firstDay, calendar.today, rng)
      : stepDays(steps, measureDay, calendar.today, rng);
    const times = days
      .map((day) => ({ day, fraction: rng.next() }))
      .sort((a, b) => a.day - b.day || a.fraction - b.fraction)
      .map(({ day, fraction }) => timeOnDay(calendar, day, fraction));
    times.forEach((occurredAt, j) => {
      const fromStage = h.stage;
      const toStage = nextStage(fromStage);
      if (toStage === null) throw new Error(`seed: ${h.code} has no stage after ${fromStage}`);
      const payload = payloadFor(h, toStage, sites, rng);
      const problems = validateTransitionPayload(toStage, payload);
      if (problems.length > 0) throw new Error(`seed: ${h.code} → ${toStage}: ${problems[0]?.messageEn}`);
      const version = h.version + 1;
      const event: SeedEvent = {
        id: randomUUID(),
        household: h,
        fromStage,
        toStage,
        version,
        occurredAt,
        actorSubject: actor.subject,
        membershipId: actor.membershipId,
        idempotencyKey: `seed:${h.code}:v${version}`,
        requestHash: requestHash(h, toStage, payload, sites),
        payload,
      };
      if (j > 0 && occurredAt < (events[events.length - 1]?.occurredAt ?? occurredAt)) {
        throw new Error(`seed: ${h.code} events out of order`);
      }
      project(h, event);
      events.push(event);
    });
  });
  return events;
}
