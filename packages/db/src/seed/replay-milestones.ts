// Milestones by replaying the events in time order through the rule the live write path uses
// (progress/milestones-crossed.ts), exactly as it would have recorded them one transition at a time. The
// replay also yields the final counts, which the seed checks against the SQL recount.
import { MilestoneKind, Stage, stageIndex } from '@hanjiang/domain';
import { type MilestoneCounts, milestonesCrossed } from '../progress/milestones-crossed.js';
import type { SeedEvent, SeedHousehold, SeedMilestone, SeedWorld } from './model.js';
import { scopeKey, type ScopeRef } from '../progress/household-scopes.js';
import { seedHouseholdScopes } from './scopes.js';

export interface ScopeTally {
  readonly scope: ScopeRef;
  households: number;
  /** Households at or past MEASURED, ASSESSED, SIGNED, VACATED, DEMOLISHED. */
  readonly reached: [number, number, number, number, number];
  buildingCents: number;
  signedCents: number;
}

export interface Replay {
  readonly milestones: SeedMilestone[];
  readonly tallies: ReadonlyMap<string, ScopeTally>;
}

/** A tally's counts as the milestone rule reads them (areas in m², from exact cents). */
function countsOf(t: ScopeTally): MilestoneCounts {
  return { measured: t.reached[0], signed: t.reached[2], signedAreaM2: t.signedCents / 100 };
}

export function replayMilestones(world: SeedWorld, eventsInTimeOrder: readonly SeedEvent[]): Replay {
  const tallies = new Map<string, ScopeTally>();
  const scopesOf = new Map<SeedHousehold, ScopeTally[]>();
  // Denominators first: every household exists (surveyed) before the first event.
  for (const h of world.households) {
    const list = seedHouseholdScopes(world, h).map((scope) => {
      const key = scopeKey(scope.kind, scope.code);
      let tally = tallies.get(key);
      if (tally === undefined) {
        tally = { scope, households: 0, reached: [0, 0, 0, 0, 0], buildingCents: 0, signedCents: 0 };
        tallies.set(key, tally);
      }
      tally.households += 1;
      tally.buildingCents += h.buildingCents;
      return tally;
    });
    scopesOf.set(h, list);
  }

  const milestones: SeedMilestone[] = [];
  const record = (t: ScopeTally, kind: MilestoneKind, threshold: number, event: SeedEvent): void => {
    const { kind: scopeKind, code, townshipId, headquartersId } = t.scope;
    milestones.push({ scopeKind, scopeCode: code, kind, threshold, townshipId, headquartersId, event });
  };
  let firstFullTeam = false;
  for (const event of eventsInTimeOrder) {
    if (event.toStage === Stage.SURVEYED) continue;
    const reachedIndex = stageIndex(event.toStage) - 1;
    const leafTeamCode = event.household.team.plan.code;
    for (const t of scopesOf.get(event.household) ?? []) {
      const before = countsOf(t);
      t.reached[reachedIndex] = (t.reached[reachedIndex] ?? 0) + 1;
      if (event.toStage === Stage.SIGNED) t.signedCents += event.household.buildingCents;
      const scope = { kind: t.scope.kind, code: t.scope.code, households: t.households };
      for (const m of milestonesCrossed(scope, before, countsOf(t), leafTeamCode)) {
        // The live path proposes "first team to measure everything" for every team that gets there; the
        // database's unique index keeps the first. The replay keeps the first itself.
        if (m.kind === MilestoneKind.FIRST_TEAM_FULL_MEASUREMENT) {
          if (firstFullTeam) continue;
          firstFullTeam = true;
        }
        record(t, m.kind, m.threshold, event);
      }
    }
  }
  return { milestones, tallies };
}
