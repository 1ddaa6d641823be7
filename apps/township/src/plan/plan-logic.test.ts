import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { addItem, draftOf, fulfilmentOf, planProblems, removeItem, toPlanInput } from './plan-logic.js';

const A = { id: 'h-a', code: 'BT-001' };
const B = { id: 'h-b', code: 'BT-002' };

describe('the plan draft', () => {
  it('adds households once, replacing a second entry, keeps a group only for assessment, and removes', () => {
    let items = addItem([], A, 'MEASURE', '评估一组');
    items = addItem(items, B, 'ASSESS', '  评估二组 ');
    expect(items).toEqual([
      { householdId: 'h-a', householdCode: 'BT-001', action: 'MEASURE', assessmentGroup: null },
      { householdId: 'h-b', householdCode: 'BT-002', action: 'ASSESS', assessmentGroup: '评估二组' },
    ]);
    items = addItem(items, A, 'ASSESS', '');
    expect(items.map((i) => [i.householdCode, i.action, i.assessmentGroup])).toEqual([
      ['BT-001', 'ASSESS', null],
      ['BT-002', 'ASSESS', '评估二组'],
    ]);
    expect(removeItem(items, 'h-a').map((i) => i.householdId)).toEqual(['h-b']);
  });

  it('sends the items in the draft’s order (the gateway indexes its problems by it)', () => {
    const items = addItem(addItem([], B, 'MEASURE', ''), A, 'ASSESS', '评估一组');
    expect(toPlanInput('team-1', '2020-10-23', items)).toEqual({
      teamId: 'team-1',
      day: '2020-10-23',
      items: [
        { householdId: 'h-b', action: 'MEASURE', assessmentGroup: null },
        { householdId: 'h-a', action: 'ASSESS', assessmentGroup: '评估一组' },
      ],
    });
  });

  it('starts from the team’s saved plan, not another team’s', () => {
    const plans = [
      { id: 'p1', day: 'd', team: { id: 'other' }, plannedBy: 'x', updatedAt: 'x', items: [] },
      {
        id: 'p2',
        day: 'd',
        team: { id: 'team-1' },
        plannedBy: 'x',
        updatedAt: 'x',
        items: [
          { householdId: 'h-a', householdCode: 'BT-001', action: 'MEASURE' as const, assessmentGroup: null },
        ],
      },
    ];
    expect(draftOf(plans, 'team-1').map((i) => i.householdCode)).toEqual(['BT-001']);
    expect(draftOf(plans, 'team-2')).toEqual([]);
    expect(draftOf(undefined, 'team-1')).toEqual([]);
  });
});

describe('the gateway’s refusal', () => {
  it('reads each item’s problem in both languages from extensions.problems', () => {
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'The plan has problems',
          extensions: {
            code: 'BAD_USER_INPUT',
            messageZh: '计划有误',
            messageEn: 'The plan has problems',
            problems: [
              {
                index: 0,
                messageZh: '第 1 项:BT-001 尚未丈量,不能安排评估',
                messageEn: 'item 1: BT-001 has not been measured yet and cannot be planned for assessment',
              },
              { index: null, messageZh: '日期有误', messageEn: 'Bad day' },
            ],
          },
        },
      ],
    });
    expect(planProblems(error)).toEqual([
      {
        index: 0,
        zh: '第 1 项:BT-001 尚未丈量,不能安排评估',
        en: 'item 1: BT-001 has not been measured yet and cannot be planned for assessment',
      },
      { index: null, zh: '日期有误', en: 'Bad day' },
    ]);
  });

  it('falls back to the error’s own message, and to a network message, and is empty without an error', () => {
    const forbidden = new CombinedError({
      graphQLErrors: [
        {
          message: 'Only a cadre of the team…',
          extensions: {
            code: 'FORBIDDEN',
            messageZh: '只有本工作组的干部…',
            messageEn: 'Only a cadre of the team…',
          },
        },
      ],
    });
    expect(planProblems(forbidden)).toEqual([
      { index: null, zh: '只有本工作组的干部…', en: 'Only a cadre of the team…' },
    ]);
    expect(planProblems(new CombinedError({ networkError: new Error('offline') }))[0]!.index).toBeNull();
    expect(planProblems(null)).toEqual([]);
  });
});

describe('yesterday’s fulfilment', () => {
  const row = (id: string, pm: number, pa: number, fm: number, fa: number) => ({
    team: { id },
    plannedMeasure: pm,
    plannedAssess: pa,
    fulfilledMeasure: fm,
    fulfilledAssess: fa,
    fulfilment: pm + pa === 0 ? null : (fm + fa) / (pm + pa),
  });
  const summary = { day: '2020-10-22', teams: [row('other', 9, 9, 9, 9), row('team-1', 6, 2, 5, 1)] };

  it('is the team’s row: planned, fulfilled and the rate', () => {
    expect(fulfilmentOf(summary, 'team-1')).toEqual({ planned: 8, fulfilled: 6, rate: 0.75 });
  });

  it('is null for a team without a row, and has no rate when nothing was planned', () => {
    expect(fulfilmentOf(summary, 'team-9')).toBeNull();
    expect(fulfilmentOf({ day: 'd', teams: [row('team-1', 0, 0, 0, 0)] }, 'team-1')).toEqual({
      planned: 0,
      fulfilled: 0,
      rate: null,
    });
  });
});
