import type { HanjiangClient } from '@hanjiang/client';
import { CombinedError } from '@urql/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderInPortal, stubMatchMedia } from '../test-support.js';
import { PlanPage } from './PlanPage.js';

beforeAll(stubMatchMedia);
afterEach(cleanup);

// 2020-10-22 10:00 in Shanghai: the plan is for 10-23, yesterday is 10-21.
const NOW = new Date('2020-10-22T02:00:00Z');
const HOUSEHOLDS = [
  { id: 'h1', code: 'BS-001', ownerName: '林一', stage: 'SURVEYED', version: 1, village: { name: '江尾' } },
  { id: 'h2', code: 'BS-002', ownerName: '林二', stage: 'MEASURED', version: 2, village: { name: '江尾' } },
];
const REFUSAL = new CombinedError({
  graphQLErrors: [
    {
      message: 'The plan has problems',
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [
          {
            index: 0,
            messageZh: '第 1 项:BS-001 尚未丈量,不能安排评估',
            messageEn: 'item 1: BS-001 has not been measured yet and cannot be planned for assessment',
          },
        ],
      },
    },
  ],
});

/** Answers each query by the variables it is asked with; the plan mutation refuses, then accepts. */
function fakeClient() {
  const sent: unknown[] = [];
  const mutations = [
    { error: REFUSAL },
    {
      data: {
        planTeamDay: {
          id: 'p1',
          day: '2020-10-23',
          team: { id: 't1' },
          plannedBy: 'baisha.cadre',
          updatedAt: '2020-10-22T02:00:00Z',
          items: [
            { householdId: 'h2', householdCode: 'BS-002', action: 'ASSESS', assessmentGroup: '评估一组' },
          ],
        },
      },
    },
  ];
  const answer = (variables: Record<string, unknown>) => {
    if ('teamId' in variables)
      return { data: { households: { edges: HOUSEHOLDS.map((node) => ({ node })) } } };
    if (variables.day === '2020-10-23') return { data: { teamPlans: [] } };
    if (variables.day === '2020-10-21') {
      const row = {
        team: { id: 't1' },
        plannedMeasure: 3,
        plannedAssess: 1,
        fulfilledMeasure: 2,
        fulfilledAssess: 1,
      };
      return { data: { dailySummary: { day: '2020-10-21', teams: [{ ...row, fulfilment: 0.75 }] } } };
    }
    return { data: { me: { teamId: 't1' } } };
  };
  const client = {
    urql: {
      query: (_d: unknown, variables: Record<string, unknown>) => ({
        toPromise: () => Promise.resolve(answer(variables)),
      }),
      mutation: (_d: unknown, variables: { input: unknown }) => ({
        toPromise: () => {
          sent.push(variables.input);
          return Promise.resolve(mutations.shift()!);
        },
      }),
    },
  } as unknown as HanjiangClient;
  return { client, sent };
}

describe('PlanPage', () => {
  it('shows yesterday’s fulfilment, shows the gateway’s refusal beside the item, and saves a fixed plan', async () => {
    const { client, sent } = fakeClient();
    renderInPortal(<PlanPage client={client} now={NOW} />);
    await screen.findByRole('heading', { name: '明日计划(2020-10-23)' });
    await waitFor(() =>
      expect(screen.getByTestId('plan-yesterday').textContent).toContain('计划 4 户次,完成 3 户次(75%)'),
    );
    await screen.findByRole('option', { name: /BS-001/ });

    fireEvent.change(screen.getByLabelText('征迁户'), { target: { value: 'h1' } });
    fireEvent.change(screen.getByLabelText('安排'), { target: { value: 'ASSESS' } });
    fireEvent.change(screen.getByLabelText('评估组'), { target: { value: '评估一组' } });
    fireEvent.click(screen.getByRole('button', { name: '加入计划' }));
    fireEvent.click(screen.getByRole('button', { name: '保存计划' }));
    expect((await screen.findByRole('alert')).textContent).toBe('第 1 项:BS-001 尚未丈量,不能安排评估');
    expect(sent[0]).toEqual({
      teamId: 't1',
      day: '2020-10-23',
      items: [{ householdId: 'h1', action: 'ASSESS', assessmentGroup: '评估一组' }],
    });

    // The lead takes the unmeasured household out and plans the measured one instead.
    fireEvent.click(screen.getByRole('button', { name: '移除' }));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(screen.getByLabelText('征迁户'), { target: { value: 'h2' } });
    fireEvent.click(screen.getByRole('button', { name: '加入计划' }));
    fireEvent.click(screen.getByRole('button', { name: '保存计划' }));
    await screen.findByText('计划已保存');
    expect(screen.getByTestId('plan-items').textContent).toContain('BS-002 · 评估 · 评估一组');
  });
});
