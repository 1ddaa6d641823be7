import type { HanjiangClient } from '@hanjiang/client';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithText, stubMatchMedia } from '../test/render.js';
import { DailySummary } from './DailySummary.js';

beforeAll(stubMatchMedia);
afterEach(cleanup);

const rollup = (scopeKind: string, scopeCode: string, scopeName: string, signings: number) => ({
  scopeKind,
  scopeCode,
  scopeName,
  teams: 3,
  visits: 12,
  offHoursVisits: 5,
  measurements: 4,
  assessments: 2,
  signings,
  signedAreaM2: 1234.5,
  disputesOpened: 1,
  disputesResolved: 2,
  fulfilment: 0.75,
});

const SUMMARY = {
  dailySummary: {
    day: '2020-10-22',
    ranAt: '2020-10-22T14:00:05Z',
    total: rollup('DISTRICT', 'district', '涵江区', 9),
    headquarters: [rollup('HEADQUARTERS', 'baitang-lake', '白塘湖片区', 9)],
    townships: [rollup('TOWNSHIP', 'baisha', '白沙镇', 9)],
  },
};

function fakeClient() {
  const asked: Record<string, unknown>[] = [];
  /** The page's `dailySummaryPublished` stream: call it to announce a written summary. */
  let publish: (data: unknown) => void = () => undefined;
  const client = {
    live: (_doc: unknown, _variables: unknown, onData: (data: unknown) => void) => {
      publish = onData;
      return { stop: () => undefined };
    },
    urql: {
      query: (_doc: unknown, variables: Record<string, unknown>) => ({
        toPromise: () => {
          asked.push(variables);
          return Promise.resolve({
            data:
              'day' in variables
                ? { dailySummaryXlsx: { filename: 'summary-2020-10-22.xlsx', contentBase64: 'UEsDBA==' } }
                : SUMMARY,
          });
        },
      }),
    },
  } as unknown as HanjiangClient;
  return { client, asked, publish: (day: string) => publish({ dailySummaryPublished: { day } }) };
}

describe('DailySummary', () => {
  it('shows last night’s summary in Chinese, and downloads the same day as XLSX', async () => {
    const { client, asked } = fakeClient();
    const created = vi.fn(() => 'blob:x');
    URL.createObjectURL = created;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithText(<DailySummary client={client} />);
    await screen.findByRole('heading', {
      name: (name) => name.startsWith('每日汇总') && name.includes('2020-10-22'),
    });
    expect(screen.getByText('白塘湖片区')).toBeTruthy();
    expect(screen.getByTestId('summary-total').textContent).toContain('75%');
    fireEvent.click(screen.getByRole('button', { name: '下载 Excel' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(asked).toEqual([{}, { day: '2020-10-22' }]);
    expect(created).toHaveBeenCalled();
  });

  it('fetches the summary again when one is written while the page is open', async () => {
    const { client, asked, publish } = fakeClient();
    renderWithText(<DailySummary client={client} />);
    await screen.findByRole('heading', { name: (name) => name.includes('2020-10-22') });
    expect(asked).toEqual([{}]);
    publish('2020-10-23');
    await waitFor(() => expect(asked).toEqual([{}, {}]));
  });
});
