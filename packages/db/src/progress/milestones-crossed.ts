// Which milestones one scope crossed in one change: the rule shared by the live write path (the gateway's
// milestone module, from the counters app.count_transition returns) and the demo seed's replay of its events,
// so that both record the same milestones for the same history. The thresholds are the domain's arithmetic.
import {
  areaStepsCrossed,
  CAMPAIGN_AREA_STEP_M2,
  MilestoneKind,
  pctThresholdsCrossed,
  ScopeKind,
} from '@hanjiang/domain';

/** The counts of a scope a milestone is measured on. */
export interface MilestoneCounts {
  measured: number;
  signed: number;
  signedAreaM2: number;
}

export interface MilestoneScope {
  kind: string;
  code: string;
  /** Households in the scope (the denominator of the percentages). */
  households: number;
}

export interface CrossedMilestone {
  kind: MilestoneKind;
  threshold: number;
}

/**
 * The milestones `scope` crossed going from `before` to `after`: percentages of households measured and signed,
 * campaign area steps, and — for the leaf team that works the household (`leafTeamCode`) — measuring all of its
 * households. Whether a milestone is new is the caller's (the database's unique indexes, or the replay's memory).
 */
export function milestonesCrossed(
  scope: MilestoneScope,
  before: MilestoneCounts,
  after: MilestoneCounts,
  leafTeamCode: string | null,
): CrossedMilestone[] {
  const found: CrossedMilestone[] = [];
  for (const threshold of pctThresholdsCrossed(before.measured, after.measured, scope.households)) {
    found.push({ kind: MilestoneKind.MEASURED_PCT, threshold });
  }
  for (const threshold of pctThresholdsCrossed(before.signed, after.signed, scope.households)) {
    found.push({ kind: MilestoneKind.SIGNED_PCT, threshold });
  }
  if (scope.kind === ScopeKind.CAMPAIGN) {
    for (const step of areaStepsCrossed(before.signedAreaM2, after.signedAreaM2, CAMPAIGN_AREA_STEP_M2)) {
      found.push({ kind: MilestoneKind.CAMPAIGN_AREA, threshold: step });
    }
  }
  const leafTeam = scope.kind === ScopeKind.TEAM && scope.code === leafTeamCode && scope.households > 0;
  if (leafTeam && after.measured > before.measured && after.measured === scope.households) {
    found.push({ kind: MilestoneKind.FIRST_TEAM_FULL_MEASUREMENT, threshold: 100 });
  }
  return found;
}
