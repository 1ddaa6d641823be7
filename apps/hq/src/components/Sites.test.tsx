import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedClient, setUpDom } from '../scripted-client.test-helper.js';
import { Sites } from './Sites.js';

setUpDom();
afterEach(cleanup);

const site = (name: string, planned: number, allocated: number) => ({
  id: name,
  name,
  plannedUnits: planned,
  allocatedUnits: allocated,
  availableUnits: planned - allocated,
  township: { code: 'jiangkou', nameZh: '江口镇' },
});
const village = (code: string, township: string, nameZh: string, hq = 'food-park') => ({
  id: code,
  code,
  name: code,
  township: { code: township, nameZh },
  headquarters: { code: hq },
});

function show(mayCreate: boolean) {
  const sites = [site('啤酒小镇安置区', 240, 61)];
  const scripted = scriptedClient({
    ResettlementSites: () => ({ data: { resettlementSites: sites } }),
    HqOverview: () => ({
      data: {
        progress: null,
        teams: [],
        villages: [
          village('shixi', 'jiangkou', '江口镇'),
          village('chongfu', 'qiulu', '萩芦镇'),
          village('meiyang', 'qiulu', '萩芦镇'),
          village('chenqiao', 'baitang', '白塘镇', 'baitang-lake'),
        ],
      },
    }),
    CreateResettlementSite: (v) => {
      const input = v.input as { name: string; plannedUnits: number };
      sites.push(site(input.name, input.plannedUnits, 0));
      return { data: { createResettlementSite: site(input.name, input.plannedUnits, 0) } };
    },
  });
  render(<Sites client={scripted.client} hqCode="food-park" mayCreate={mayCreate} />);
  return scripted;
}

describe('Sites', () => {
  it('lists each site with the units it has left, and no form for those who may not create', async () => {
    show(false);
    const table = await screen.findByTestId('sites');
    expect(
      within(table)
        .getAllByTestId('available')
        .map((c) => c.textContent),
    ).toEqual(['179']);
    expect(screen.queryByText('登记安置房源')).toBeNull();
  });

  it('offers only the headquarters’ townships, checks the units, and lists the new site', async () => {
    const { sent } = show(true);
    await screen.findByTestId('sites');
    await waitFor(() =>
      expect(
        within(screen.getByLabelText('所在乡镇'))
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['', '江口镇', '萩芦镇']),
    );
    fireEvent.change(screen.getByLabelText('名称'), { target: { value: ' 萩芦二期 ' } });
    fireEvent.change(screen.getByLabelText('所在乡镇'), { target: { value: 'qiulu' } });
    fireEvent.change(screen.getByLabelText('计划套数'), { target: { value: '0' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
      await Promise.resolve();
    });
    await screen.findByText('请填写 1–100000 的套数');
    expect(sent.some((s) => s.operation === 'CreateResettlementSite')).toBe(false);

    fireEvent.change(screen.getByLabelText('计划套数'), { target: { value: '80' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
      await Promise.resolve();
    });
    await screen.findByText('已登记 萩芦二期');
    expect(sent.find((s) => s.operation === 'CreateResettlementSite')!.variables.input).toEqual({
      headquartersCode: 'food-park',
      townshipCode: 'qiulu',
      name: '萩芦二期',
      plannedUnits: 80,
    });
    await waitFor(() =>
      expect(
        within(screen.getByTestId('sites'))
          .getAllByTestId('available')
          .map((c) => c.textContent),
      ).toEqual(['179', '80']),
    );
  });
});
