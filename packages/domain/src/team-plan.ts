// Tomorrow's plan (白沙: 提前确定次日丈量户和评估组): which households a team will measure, and which it sends an
// assessment group to. Checked against the stage machine before it is stored, and every problem is reported at
// once — a team lead fixing a plan at night should not meet them one by one.
import { type BilingualMessage, UnreachableCaseError } from './errors.js';
import { Stage } from './enums.js';
import { addDays } from './calendar.js';
import { checkAdvance } from './stage-machine.js';

export type PlanAction = 'MEASURE' | 'ASSESS';

/** The stage a planned action takes a household to. */
export function planTargetStage(action: PlanAction): Stage {
  switch (action) {
    case 'MEASURE':
      return Stage.MEASURED;
    case 'ASSESS':
      return Stage.ASSESSED;
    default:
      throw new UnreachableCaseError(action);
  }
}

export interface PlannedHousehold {
  readonly householdId: string;
  readonly action: PlanAction;
  /** The assessment group sent (ASSESS only), e.g. 评估一组. */
  readonly assessmentGroup?: string | null;
}

/** What the check needs to know of a household; absent when the caller cannot see it. */
export interface PlanHouseholdFacts {
  readonly code: string;
  readonly stage: Stage;
  readonly teamId: string | null;
}

export interface PlanProblem {
  /** Index in the submitted list, or null for the plan as a whole (its day, its size). */
  readonly index: number | null;
  readonly householdId: string | null;
  readonly messageZh: string;
  readonly messageEn: string;
}

export const PLAN_LIMITS = { maxItems: 300, maxDaysAhead: 7, maxGroupLength: 40 } as const;

/** Plans are for days still to come: tomorrow up to a week ahead (Shanghai dates). */
export function checkPlanDay(day: string, today: string): BilingualMessage | null {
  if (day <= today)
    return {
      zh: `计划日期 ${day} 须晚于今天(${today})`,
      en: `The plan's day ${day} must be after today (${today})`,
    };
  const last = addDays(today, PLAN_LIMITS.maxDaysAhead);
  if (day > last) return { zh: `计划日期最晚为 ${last}`, en: `A plan can be made at most until ${last}` };
  return null;
}

function problem(index: number | null, householdId: string | null, zh: string, en: string): PlanProblem {
  return { index, householdId, messageZh: zh, messageEn: en };
}

function checkItem(
  teamId: string,
  item: PlannedHousehold,
  index: number,
  facts: PlanHouseholdFacts | undefined,
): PlanProblem[] {
  const n = `第 ${index + 1} 项`;
  const at = `item ${index + 1}`;
  const group = item.assessmentGroup?.trim() ?? '';
  const problems: PlanProblem[] = [];
  if (item.action === 'ASSESS' && (group === '' || group.length > PLAN_LIMITS.maxGroupLength)) {
    problems.push(
      problem(
        index,
        item.householdId,
        `${n}:须写明派出的评估组(1 至 ${PLAN_LIMITS.maxGroupLength} 字)`,
        `${at}: name the assessment group sent (1 to ${PLAN_LIMITS.maxGroupLength} characters)`,
      ),
    );
  }
  if (item.action === 'MEASURE' && group !== '') {
    problems.push(
      problem(
        index,
        item.householdId,
        `${n}:丈量不派评估组`,
        `${at}: a measurement sends no assessment group`,
      ),
    );
  }
  if (!facts) {
    problems.push(
      problem(
        index,
        item.householdId,
        `${n}:征迁户不存在或不在您的管辖范围内`,
        `${at}: the household does not exist or is outside your scope`,
      ),
    );
    return problems;
  }
  if (facts.teamId !== teamId) {
    problems.push(
      problem(
        index,
        item.householdId,
        `${n}:${facts.code} 不由本工作组负责,不能列入本组计划`,
        `${at}: ${facts.code} is not worked by this team and cannot be in its plan`,
      ),
    );
  }
  const target = planTargetStage(item.action);
  if (!checkAdvance(facts.stage, target).ok) {
    if (item.action === 'ASSESS' && facts.stage === Stage.SURVEYED) {
      problems.push(
        problem(
          index,
          item.householdId,
          `${n}:${facts.code} 尚未丈量,不能安排评估`,
          `${at}: ${facts.code} has not been measured yet and cannot be planned for assessment`,
        ),
      );
    } else {
      problems.push(
        problem(
          index,
          item.householdId,
          `${n}:${facts.code} 当前处于“${facts.stage}”环节,不能安排${item.action === 'MEASURE' ? '丈量' : '评估'}`,
          `${at}: ${facts.code} is at ${facts.stage} and cannot be planned for ${item.action === 'MEASURE' ? 'measurement' : 'assessment'}`,
        ),
      );
    }
  }
  return problems;
}

/** Every problem of a plan for `teamId`, in list order; empty when it may be stored. */
export function validatePlan(
  teamId: string,
  items: readonly PlannedHousehold[],
  facts: ReadonlyMap<string, PlanHouseholdFacts>,
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (items.length > PLAN_LIMITS.maxItems) {
    problems.push(
      problem(
        null,
        null,
        `一份计划最多 ${PLAN_LIMITS.maxItems} 户`,
        `A plan holds at most ${PLAN_LIMITS.maxItems} households`,
      ),
    );
  }
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.householdId)) {
      problems.push(
        problem(
          index,
          item.householdId,
          `第 ${index + 1} 项:同一户在计划中重复出现`,
          `item ${index + 1}: the household is already in the plan`,
        ),
      );
      return;
    }
    seen.add(item.householdId);
    problems.push(...checkItem(teamId, item, index, facts.get(item.householdId)));
  });
  return problems;
}
