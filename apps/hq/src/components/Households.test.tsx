import type { Session } from '@hanjiang/client';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { principalOf } from '../principal.js';
import { scriptedClient, setUpDom } from '../scripted-client.test-helper.js';
import { Households } from './Households.js';

setUpDom();
afterEach(cleanup);

const row = (code: string, stage: string, masked = true) => ({
  id: `id-${code}`,
  code,
  ownerName: '彭月燕',
  ownerIdNumber: masked ? '350303********9304' : '350303199001019304',
  phone: masked ? '177****0885' : '17700000885',
  piiMasked: masked,
  stage,
  version: 2,
  buildingAreaM2: 115.31,
  township: { code: 'qiulu' },
  headquarters: { code: 'food-park' },
  village: { name: '崇福村' },
  team: { id: 't1', name: '萩芦镇征迁组', homeTownship: { code: 'qiulu' } },
});

const script = {
  HqOverview: () => ({
    data: {
      progress: null,
      villages: [
        {
          id: 'v1',
          code: 'qiulu-chongfu',
          name: '崇福村',
          township: { code: 'qiulu', nameZh: '萩芦镇' },
          headquarters: { code: 'food-park' },
        },
      ],
      teams: [
        {
          id: 't1',
          code: 'qiulu-food',
          name: '萩芦镇征迁组',
          memberCount: 22,
          headquarters: { code: 'food-park' },
          homeTownship: null,
          homeUnit: null,
        },
        {
          id: 't9',
          code: 'baitang-1',
          name: '白塘镇征迁一组',
          memberCount: 9,
          headquarters: { code: 'baitang-lake' },
          homeTownship: null,
          homeUnit: null,
        },
      ],
    },
  }),
  HqHouseholdPage: () => ({
    data: {
      households: {
        totalCount: 2,
        edges: [{ node: row('SPY-CF-0001', 'SIGNED') }, { node: row('SPY-CF-0002', 'SURVEYED') }],
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    },
  }),
  AssignTeam: () => ({
    data: {
      assignTeam: {
        householdsChanged: 1,
        villagesChanged: 0,
        team: { id: 't1', name: '萩芦镇征迁组' },
        villages: [],
      },
    },
  }),
};

function session(tenantKind: string, tenantCode: string, role: string): Session {
  return {
    token: 'x',
    expiresAt: '2030-01-01T00:00:00Z',
    membershipId: 'm1',
    me: {
      subject: `${tenantCode}.${role}`,
      displayName: null,
      tenantKind,
      tenantCode,
      role,
      memberships: [],
    },
  };
}

async function show(s: Session) {
  const scripted = scriptedClient(script);
  render(<Households client={scripted.client} hqCode="food-park" principal={principalOf(s)} />);
  await screen.findByText('SPY-CF-0001');
  return scripted;
}

const revertButtons = () => screen.queryAllByRole('button', { name: /更正环节/ });

describe('Households', () => {
  it('lists the headquarters’ households as the gateway masked them', async () => {
    const { sent } = await show(session('headquarters', 'food-park', 'viewer'));
    const first = screen.getByText('SPY-CF-0001').closest('tr')!;
    expect(within(first).getByTestId('id-number').textContent).toBe('350303********9304');
    expect(first.textContent).toContain('已脱敏');
    expect(sent.find((s) => s.operation === 'HqHouseholdPage')!.variables.filter).toEqual({
      headquartersCode: 'food-park',
    });
    // The team filter offers this headquarters' teams only.
    expect(within(screen.getByLabelText('工作组')).queryByText('白塘镇征迁一组')).toBeNull();
  });

  it('offers the correction to a commander of the headquarters, except at the first stage', async () => {
    await show(session('headquarters', 'food-park', 'commander'));
    expect(revertButtons()).toHaveLength(1);
    expect(within(screen.getByText('SPY-CF-0001').closest('tr')!).getByRole('button').textContent).toMatch(
      /更正环节/,
    );
  });

  it('offers neither correction nor assignment to a viewer or a cadre', async () => {
    for (const role of ['viewer', 'cadre']) {
      await show(session('headquarters', 'food-park', role));
      expect(revertButtons()).toHaveLength(0);
      expect(screen.queryByTestId('household-assignment')).toBeNull();
      cleanup();
    }
  });

  it('offers the correction to the district admin but not to the inspector', async () => {
    await show(session('district', 'district', 'admin'));
    expect(revertButtons()).toHaveLength(1);
    cleanup();
    await show(session('district', 'district', 'inspector'));
    expect(revertButtons()).toHaveLength(0);
  });

  it('assigns the selected households to the chosen team', async () => {
    const { sent } = await show(session('headquarters', 'food-park', 'commander'));
    fireEvent.click(screen.getByLabelText('选择 SPY-CF-0002'));
    const bar = screen.getByTestId('household-assignment');
    fireEvent.change(within(bar).getByLabelText('工作组'), { target: { value: 't1' } });
    await act(async () => {
      fireEvent.click(within(bar).getByRole('button', { name: '分配给所选工作组' }));
      await Promise.resolve();
    });
    await waitFor(() => expect(sent.some((s) => s.operation === 'AssignTeam')).toBe(true));
    expect(sent.find((s) => s.operation === 'AssignTeam')!.variables.input).toEqual({
      teamId: 't1',
      householdIds: ['id-SPY-CF-0002'],
    });
  });
});
