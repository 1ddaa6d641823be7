import type { HanjiangClient, Session } from '@hanjiang/client';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderWithText, stubMatchMedia } from '../test/render.js';
import { Inspections } from './Inspections.js';

beforeAll(stubMatchMedia);
afterEach(cleanup);

const SETUP = {
  campaign: { startDate: '2025-11-03', day: 10 },
  headquarters: [{ code: 'food-park', nameZh: '食品产业园' }],
  teams: [],
};

/** Answers the setup query and an empty ranking; records the ranking requests' variables. */
function fakeClient() {
  const rankings: Record<string, unknown>[] = [];
  const client = {
    urql: {
      query: (_doc: unknown, variables: Record<string, unknown>) => ({
        toPromise: () => {
          if ('targetKind' in variables) {
            rankings.push(variables);
            return Promise.resolve({ data: { inspections: [] } });
          }
          return Promise.resolve({ data: SETUP });
        },
      }),
    },
  } as unknown as HanjiangClient;
  return { client, rankings };
}

function session(tenantKind: string, tenantCode: string, role: string): Session {
  return {
    token: 't',
    expiresAt: '2099-01-01T00:00:00Z',
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

describe('Inspections', () => {
  it('offers recording to the supervision group and the district admin, as packages/authz decides', async () => {
    for (const role of ['inspector', 'admin']) {
      const { client } = fakeClient();
      renderWithText(<Inspections client={client} session={session('district', 'district', role)} />);
      await screen.findByRole('heading', { name: '录入考评' });
      // This campaign week (day 10 is in week 2) is the period offered first.
      expect((document.querySelector('#record_period') as HTMLSelectElement).value).toBe(
        '2025-11-10/2025-11-16',
      );
      cleanup();
    }
  });

  it('does not offer recording to anyone else', async () => {
    const { client, rankings } = fakeClient();
    renderWithText(
      <Inspections client={client} session={session('headquarters', 'food-park', 'commander')} />,
    );
    await screen.findByText('该周期暂无考评记录');
    await waitFor(() => expect(document.querySelector('#record_period')).toBeNull());
    expect(screen.queryByRole('heading', { name: '录入考评' })).toBeNull();
    // The latest period unless one is chosen, over the last four periods.
    expect(rankings).toEqual([{ targetKind: 'HEADQUARTERS', period: null, window: 4 }]);
  });
});
