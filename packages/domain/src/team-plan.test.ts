import { Stage } from './enums.js';
import {
  checkPlanDay,
  PLAN_LIMITS,
  planTargetStage,
  type PlanHouseholdFacts,
  validatePlan,
} from './team-plan.js';

const TEAM = 'team-1';
const facts = new Map<string, PlanHouseholdFacts>([
  ['surveyed', { code: 'H-1', stage: Stage.SURVEYED, teamId: TEAM }],
  ['measured', { code: 'H-2', stage: Stage.MEASURED, teamId: TEAM }],
  ['signed', { code: 'H-3', stage: Stage.SIGNED, teamId: TEAM }],
  ['elsewhere', { code: 'H-4', stage: Stage.SURVEYED, teamId: 'team-2' }],
  ['unassigned', { code: 'H-5', stage: Stage.MEASURED, teamId: null }],
]);

describe('validatePlan', () => {
  it('accepts measuring a surveyed household and assessing a measured one', () => {
    expect(
      validatePlan(
        TEAM,
        [
          { householdId: 'surveyed', action: 'MEASURE' },
          { householdId: 'measured', action: 'ASSESS', assessmentGroup: '评估一组' },
        ],
        facts,
      ),
    ).toEqual([]);
  });

  it('refuses assessing an unmeasured household, in both languages', () => {
    expect(
      validatePlan(TEAM, [{ householdId: 'surveyed', action: 'ASSESS', assessmentGroup: '评估一组' }], facts),
    ).toEqual([
      {
        index: 0,
        householdId: 'surveyed',
        messageZh: '第 1 项:H-1 尚未丈量,不能安排评估',
        messageEn: 'item 1: H-1 has not been measured yet and cannot be planned for assessment',
      },
    ]);
  });

  it('reports every problem at once, in list order', () => {
    const problems = validatePlan(
      TEAM,
      [
        { householdId: 'elsewhere', action: 'MEASURE' },
        { householdId: 'measured', action: 'MEASURE' },
        { householdId: 'signed', action: 'ASSESS' },
        { householdId: 'missing', action: 'MEASURE' },
        { householdId: 'elsewhere', action: 'MEASURE' },
        { householdId: 'unassigned', action: 'ASSESS', assessmentGroup: 'x' },
        { householdId: 'surveyed', action: 'MEASURE', assessmentGroup: '评估一组' },
      ],
      facts,
    );
    expect(problems.map((p) => [p.index, p.messageEn])).toEqual([
      [0, 'item 1: H-4 is not worked by this team and cannot be in its plan'],
      [1, 'item 2: H-2 is at MEASURED and cannot be planned for measurement'],
      [2, 'item 3: name the assessment group sent (1 to 40 characters)'],
      [2, 'item 3: H-3 is at SIGNED and cannot be planned for assessment'],
      [3, 'item 4: the household does not exist or is outside your scope'],
      [4, 'item 5: the household is already in the plan'],
      [5, 'item 6: H-5 is not worked by this team and cannot be in its plan'],
      [6, 'item 7: a measurement sends no assessment group'],
    ]);
    expect(problems.every((p) => p.messageZh.length > 0)).toBe(true);
  });

  it('limits the size of a plan', () => {
    const items = Array.from({ length: PLAN_LIMITS.maxItems + 1 }, (_, n) => ({
      householdId: `h${n}`,
      action: 'MEASURE' as const,
    }));
    expect(validatePlan(TEAM, items, facts)[0]).toMatchObject({
      index: null,
      messageEn: 'A plan holds at most 300 households',
    });
  });
});

describe('checkPlanDay and planTargetStage', () => {
  it('allows tomorrow up to a week ahead', () => {
    expect(checkPlanDay('2020-10-24', '2020-10-23')).toBeNull();
    expect(checkPlanDay('2020-10-30', '2020-10-23')).toBeNull();
    expect(checkPlanDay('2020-10-23', '2020-10-23')?.en).toBe(
      "The plan's day 2020-10-23 must be after today (2020-10-23)",
    );
    expect(checkPlanDay('2020-10-31', '2020-10-23')?.zh).toBe('计划日期最晚为 2020-10-30');
  });

  it('maps actions to the stage they reach', () => {
    expect(planTargetStage('MEASURE')).toBe(Stage.MEASURED);
    expect(planTargetStage('ASSESS')).toBe(Stage.ASSESSED);
    expect(() => planTargetStage('SIGN' as never)).toThrow();
  });
});
