// Milestones by replaying the events in time order through the domain's threshold arithmetic, exactly as
// the live write path would have recorded them one transition at a time. The replay also yields the
// final counts, which the seed checks against the SQL recount.
import {
  areaStepsCrossed,
  CAMPAIGN_AREA_STEP_M2,
  MilestoneKind,
  pctThresholdsCrossed,
  ScopeKind,
  Stage,
  stageIndex,
} from '@hanjiang/domain';
import type { SeedEvent, SeedHousehold, SeedMilestone, SeedWorld } from './model.js';
import { CAMPAIGN_SCOPE_CODE, householdScopes, scopeKey, type ScopeRef } from './scopes.js';

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

export function replayMilestones(world: SeedWorld, eventsInTimeOrder: readonly SeedEvent[]): Replay {
  const tallies = new Map<string, ScopeTally>();
  const scopesOf = new Map<SeedHousehold, ScopeTally[]>();
  // Denominators first: every household exists (surveyed) before the first event.
  for (const h of world.households) {
    const list = householdScopes(world, h).map((scope) => {
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
    for (const t of scopesOf.get(event.household) ?? []) {
      const before = t.reached[reachedIndex] ?? 0;
      t.reached[reachedIndex] = before + 1;
      if (event.toStage === Stage.MEASURED) {
        for (const pct of pctThresholdsCrossed(before, before + 1, t.households)) {
          record(t, MilestoneKind.MEASURED_PCT, pct, event);
        }
        // Only a leaf team (the one that works the household) can be "the first team to measure everything".
        const isLeafTeam = t.scope.kind === ScopeKind.TEAM && t.scope.code === event.household.team.plan.code;
        if (isLeafTeam && !firstFullTeam && before + 1 === t.households) {
          firstFullTeam = true;
          record(t, MilestoneKind.FIRST_TEAM_FULL_MEASUREMENT, 100, event);
        }
      }
      if (event.toStage === Stage.SIGNED) {
        for (const pct of pctThresholdsCrossed(before, before + 1, t.households)) {
          record(t, MilestoneKind.SIGNED_PCT, pct, event);
        }
        const beforeCents = t.signedCents;
        t.signedCents += event.household.buildingCents;
        if (t.scope.kind === ScopeKind.CAMPAIGN && t.scope.code === CAMPAIGN_SCOPE_CODE) {
          for (const step of areaStepsCrossed(
            beforeCents / 100,
            t.signedCents / 100,
            CAMPAIGN_AREA_STEP_M2,
          )) {
            record(t, MilestoneKind.CAMPAIGN_AREA, step, event);
          }
        }
      }
    }
  }
  return { milestones, tallies };
}
