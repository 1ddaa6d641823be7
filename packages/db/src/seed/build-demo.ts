// The whole demo, built in memory from a seeded PRNG: same scale and `now`, same data (ids aside).
import { buildFieldWork, type SeedFieldWork } from './build-field-work.js';
import { buildHouseholds, buildVillages } from './build-households.js';
import { teamHistory, type Actor } from './build-history.js';
import { buildCadres, buildTeams } from './build-teams.js';
import type { CampaignCalendar } from './campaign-calendar.js';
import { buildInspections } from './inspections.js';
import type { CatalogueIds, SeedEvent, SeedHousehold, SeedSite, SeedWorld } from './model.js';
import { Rng } from './prng.js';
import { replayMilestones, type Replay } from './replay-milestones.js';
import { buildSites } from './resettlement.js';

export interface DemoData {
  readonly world: SeedWorld;
  readonly sites: readonly SeedSite[];
  /** Every event, in the order they happened (ties broken by household code and version). */
  readonly events: readonly SeedEvent[];
  readonly replay: Replay;
  readonly inspections: ReturnType<typeof buildInspections>;
  readonly fieldWork: SeedFieldWork;
}

export function buildDemo(
  ids: CatalogueIds,
  scale: number,
  calendar: CampaignCalendar,
  actors: ReadonlyMap<string, Actor>,
): DemoData {
  // The root stream never draws itself, so each named fork is fixed by (scale, label) alone.
  const root = new Rng(`hanjiang-demo:scale=${scale}`);
  const teams = buildTeams(ids);
  const villages = buildVillages(ids);
  const households = buildHouseholds(villages, teams, scale, calendar, root.fork('households'));
  const world: SeedWorld = {
    scale,
    ids,
    villages,
    teams,
    teamsByCode: new Map(teams.map((t) => [t.plan.code, t])),
    cadres: buildCadres(teams, ids, root.fork('cadres')),
    households,
  };

  const perHq = new Map<string, number>();
  for (const h of households)
    perHq.set(h.village.plan.headquartersCode, (perHq.get(h.village.plan.headquartersCode) ?? 0) + 1);
  const sites = buildSites(ids, perHq);

  const byTeam = new Map<string, SeedHousehold[]>();
  for (const h of households) {
    const list = byTeam.get(h.team.plan.code);
    if (list === undefined) byTeam.set(h.team.plan.code, [h]);
    else list.push(h);
  }
  const events = teams
    .filter((t) => t.isLeaf)
    .flatMap((team) =>
      teamHistory(
        team,
        byTeam.get(team.plan.code) ?? [],
        calendar,
        sites,
        actors.get(team.plan.code) ?? { subject: `seed:${team.plan.code}`, membershipId: null },
        root.fork(`history:${team.plan.code}`),
      ),
    )
    .sort(
      (a, b) =>
        a.occurredAt.getTime() - b.occurredAt.getTime() ||
        (a.household.code < b.household.code ? -1 : a.household.code > b.household.code ? 1 : 0) ||
        a.version - b.version,
    );

  return {
    world,
    sites,
    events,
    replay: replayMilestones(world, events),
    inspections: buildInspections(world, events, calendar, root.fork('inspections')),
    fieldWork: buildFieldWork(world, events, calendar, actors, root.fork('field-work')),
  };
}
