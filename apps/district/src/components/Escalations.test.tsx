import type { HanjiangClient } from '@hanjiang/client';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderWithText, stubMatchMedia } from '../test/render.js';
import { Escalations } from './Escalations.js';

beforeAll(stubMatchMedia);
afterEach(cleanup);

const ROWS = [
  {
    id: 'e1',
    state: 'TRIAGED',
    description: '江尾村坟墓迁移无安置地块',
    helpNeeded: '协调民政落实公墓用地',
    meeting: '第 3 次推进会',
    raisedAt: '2026-11-20T02:00:00.000Z',
    ageDays: 10.4,
    headquarters: { code: 'food-park', nameZh: '食品产业园' },
  },
  {
    id: 'e2',
    state: 'RAISED',
    description: '集奎村两户产权争议',
    helpNeeded: '法律顾问介入',
    meeting: null,
    raisedAt: '2026-11-29T02:00:00.000Z',
    ageDays: 1.2,
    headquarters: { code: 'coastal-park', nameZh: '滨海园区' },
  },
];

function fakeClient(escalations: unknown[]) {
  const asked: unknown[] = [];
  const client = {
    urql: {
      query: (_doc: unknown, variables: unknown) => ({
        toPromise: () => {
          asked.push(variables);
          return Promise.resolve({ data: { escalations } });
        },
      }),
    },
  } as unknown as HanjiangClient;
  return { client, asked };
}

describe('open escalations on the district console', () => {
  it('lists them in the gateway’s order with their age, marking those open a week or more', async () => {
    const { client } = fakeClient(ROWS);
    renderWithText(<Escalations client={client} />);
    await waitFor(() => expect(screen.getByText('江尾村坟墓迁移无安置地块')).toBeTruthy());
    const rows = screen.getByTestId('escalations').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('10.4 天');
    expect(rows[0]!.textContent).toContain('已提交会议 · 第 3 次推进会');
    expect(rows[0]!.className).toBe('overdue');
    expect(rows[1]!.textContent).toContain('1.2 天');
    expect(rows[1]!.className).toBe('');
  });

  it('says so when none is open', async () => {
    renderWithText(<Escalations client={fakeClient([]).client} />);
    await waitFor(() => expect(screen.getByText('暂无未办结的症结难题')).toBeTruthy());
  });
});
