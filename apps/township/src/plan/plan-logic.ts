// The plan screen's logic, apart from React: the draft of tomorrow's plan, the gateway's refusal read back onto
// the draft's items, and yesterday's fulfilment. The plan rules themselves (an unmeasured household cannot be
// assessed, only the team's own households) are the gateway's (packages/domain validatePlan): the screen sends
// the draft and shows the gateway's words, in the reader's language, next to the item they concern.
import type { PlanAction, PlanTeamDayInput, TeamDayFulfilmentQuery, TeamPlansQuery } from '@hanjiang/client';
import type { CombinedError } from '@urql/core';

export interface DraftItem {
  readonly householdId: string;
  readonly householdCode: string;
  readonly action: PlanAction;
  readonly assessmentGroup: string | null;
}

/** A problem the gateway found: `index` is the item's position in the plan sent, null for the plan as a whole. */
export interface ItemProblem {
  readonly index: number | null;
  readonly zh: string;
  readonly en: string;
}

/** The draft with `household` planned for `action` (a household appears once: planning it again replaces it). */
export function addItem(
  items: readonly DraftItem[],
  household: { id: string; code: string },
  action: PlanAction,
  group: string,
): DraftItem[] {
  const item: DraftItem = {
    householdId: household.id,
    householdCode: household.code,
    action,
    assessmentGroup: action === 'ASSESS' && group.trim() !== '' ? group.trim() : null,
  };
  const at = items.findIndex((i) => i.householdId === household.id);
  return at < 0 ? [...items, item] : items.map((i, n) => (n === at ? item : i));
}

export function removeItem(items: readonly DraftItem[], householdId: string): DraftItem[] {
  return items.filter((i) => i.householdId !== householdId);
}

/** The draft as it is sent: the gateway indexes its problems by this order. */
export function toPlanInput(teamId: string, day: string, items: readonly DraftItem[]): PlanTeamDayInput {
  return {
    teamId,
    day,
    items: items.map((i) => ({
      householdId: i.householdId,
      action: i.action,
      assessmentGroup: i.assessmentGroup,
    })),
  };
}

/** The team's saved plan for the day, as a draft (empty when the team has none yet). */
export function draftOf(plans: TeamPlansQuery['teamPlans'] | undefined, teamId: string): DraftItem[] {
  const plan = plans?.find((p) => p.team.id === teamId);
  return (plan?.items ?? []).map((i) => ({
    householdId: i.householdId,
    householdCode: i.householdCode,
    action: i.action,
    assessmentGroup: i.assessmentGroup ?? null,
  }));
}

function isProblem(value: unknown): value is { index: unknown; messageZh: string; messageEn: string } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.messageZh === 'string' && typeof v.messageEn === 'string';
}

/**
 * Every problem of a refused plan: the per-item list in `extensions.problems` when the gateway gave one, else the
 * error's own message (a refusal of the whole plan, e.g. FORBIDDEN).
 */
export function planProblems(error: CombinedError | null | undefined): ItemProblem[] {
  const first = error?.graphQLErrors[0];
  if (!first)
    return error
      ? [{ index: null, zh: '无法连接服务器,请稍后重试', en: 'The server cannot be reached' }]
      : [];
  const listed = first.extensions?.problems;
  if (Array.isArray(listed) && listed.length > 0 && listed.every(isProblem)) {
    return listed.map((p) => ({
      index: typeof p.index === 'number' ? p.index : null,
      zh: p.messageZh,
      en: p.messageEn,
    }));
  }
  const ext = first.extensions ?? {};
  return [
    {
      index: null,
      zh: typeof ext.messageZh === 'string' ? ext.messageZh : first.message,
      en: typeof ext.messageEn === 'string' ? ext.messageEn : first.message,
    },
  ];
}

export interface Fulfilment {
  readonly planned: number;
  readonly fulfilled: number;
  /** fulfilled ÷ planned (0–1); null when nothing was planned. */
  readonly rate: number | null;
}

/** The team's plan fulfilment on the summarised day, or null when the day has no row for the team. */
export function fulfilmentOf(
  summary: TeamDayFulfilmentQuery['dailySummary'] | undefined,
  teamId: string,
): Fulfilment | null {
  const row = summary?.teams.find((t) => t.team.id === teamId);
  if (!row) return null;
  return {
    planned: row.plannedMeasure + row.plannedAssess,
    fulfilled: row.fulfilledMeasure + row.fulfilledAssess,
    rate: row.fulfilment ?? null,
  };
}
