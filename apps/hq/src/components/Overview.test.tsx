import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedClient, setUpDom } from '../scripted-client.test-helper.js';
import { Overview } from './Overview.js';

setUpDom();
afterEach(cleanup);

const counts = (scopeKind: string, scopeCode: string, households: number, signed: number) => ({
  scopeKind,
  scopeCode,
  households,
  measured: signed,
  signed,
  buildingAreaM2: 1000,
  signedAreaM2: 250,
});
const hq = (code: string) => ({ code });

function show(mayAssign: boolean) {
  const scripted = scriptedClient({
    HqOverview: () => ({
      data: {
        progress: counts('headquarters', 'food-park', 600, 178),
        villages: [
          {
            id: 'v1',
            code: 'jiangkou-shixi',
            name: '石西村',
            township: { code: 'jiangkou', nameZh: '江口镇' },
            headquarters: hq('food-park'),
          },
          {
            id: 'v2',
            code: 'baitang-chenqiao',
            name: '陈桥村',
            township: { code: 'baitang', nameZh: '白塘镇' },
            headquarters: hq('baitang-lake'),
          },
        ],
        teams: [
          {
            id: 't1',
            code: 'jiangkou-food',
            name: '江口镇食品园征迁组',
            memberCount: 44,
            headquarters: hq('food-park'),
            homeTownship: { nameZh: '江口镇' },
            homeUnit: null,
          },
          {
            id: 't2',
            code: 'baitang-1',
            name: '白塘镇征迁一组',
            memberCount: 9,
            headquarters: hq('baitang-lake'),
            homeTownship: { nameZh: '白塘镇' },
            homeUnit: null,
          },
        ],
      },
    }),
    ScopeProgress: (v) => ({
      data: {
        progress:
          v.scopeKind === 'village'
            ? counts('village', 'jiangkou-shixi', 330, 102)
            : counts('team', 'jiangkou-food', 240, 72),
      },
    }),
  });
  render(<Overview client={scripted.client} hqCode="food-park" mayAssign={mayAssign} />);
  return scripted;
}

describe('Overview', () => {
  it('shows this headquarters’ villages and teams only, each with its own progress', async () => {
    const { sent } = show(false);
    const villages = await screen.findByTestId('villages');
    await waitFor(() => expect(within(villages).getByText('102 / 330')).toBeTruthy());
    expect(
      within(villages)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.querySelector('th')?.textContent),
    ).toEqual(['石西村']);
    const teams = screen.getByTestId('teams');
    await waitFor(() => expect(within(teams).getByText('72 / 240')).toBeTruthy());
    expect(within(teams).queryByText('白塘镇征迁一组')).toBeNull();
    expect(screen.getByTestId('hq-progress').textContent).toContain('178 / 600 户');
    expect(sent.filter((s) => s.operation === 'ScopeProgress').map((s) => s.variables)).toEqual([
      { scopeKind: 'village', scopeCode: 'jiangkou-shixi' },
      { scopeKind: 'team', scopeCode: 'jiangkou-food' },
    ]);
    expect(screen.queryByTestId('team-assignment')).toBeNull();
  });

  it('offers team assignment when allowed', async () => {
    show(true);
    await screen.findByTestId('team-assignment');
  });
});
