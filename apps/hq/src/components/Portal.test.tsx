import type { Session } from '@hanjiang/client';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedClient, setUpDom } from '../scripted-client.test-helper.js';
import { initialHeadquarters } from './HeadquartersPicker.js';
import { Portal } from './Portal.js';

setUpDom();
afterEach(cleanup);

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

function show(s: Session) {
  const scripted = scriptedClient({
    HqOverview: () => ({ data: { progress: null, villages: [], teams: [] } }),
  });
  render(<Portal session={s} client={scripted.client} url="/graphql" signOut={() => undefined} />);
  return scripted;
}

const tabs = () => screen.getAllByRole('tab').map((t) => t.textContent);

describe('Portal', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('opens the API keys page at #/keys, and the overview there for who may not manage keys', async () => {
    window.location.hash = '#/keys';
    const scripted = scriptedClient({
      HqOverview: () => ({ data: { progress: null, villages: [], teams: [] } }),
      ApiKeys: () => ({ data: { apiKeys: [] } }),
    });
    const s = session('headquarters', 'food-park', 'commander');
    render(<Portal session={s} client={scripted.client} url="/graphql" signOut={() => undefined} />);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('接口密钥');
    // The keys page is a lazy chunk: its first load under a cold transform can take a few seconds.
    await waitFor(() => expect(scripted.sent.map((r) => r.operation)).toContain('ApiKeys'), {
      timeout: 15_000,
    });
    cleanup();
    show(session('headquarters', 'food-park', 'viewer'));
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('村与工作组');
  });

  it('gives a commander the import tab, team assignment and the API keys page', async () => {
    show(session('headquarters', 'food-park', 'commander'));
    expect(tabs()).toEqual(['村与工作组', '征迁户', '花名册导入', '安置房源', '接口密钥']);
    await screen.findByTestId('team-assignment');
  });

  it('gives a viewer neither', async () => {
    const { sent } = show(session('headquarters', 'food-park', 'viewer'));
    expect(tabs()).toEqual(['村与工作组', '征迁户', '安置房源']);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(screen.queryByTestId('team-assignment')).toBeNull();
  });

  it('lets a district user pick the headquarters, starting at the first of the catalogue', async () => {
    const { sent } = show(session('district', 'district', 'admin'));
    expect(initialHeadquarters({ tenantKind: 'district', tenantCode: 'district' })).toBe('food-park');
    expect(initialHeadquarters({ tenantKind: 'headquarters', tenantCode: 'baitang-lake' })).toBe(
      'baitang-lake',
    );
    await waitFor(() => expect(sent.at(-1)!.variables).toEqual({ headquartersCode: 'food-park' }));
    fireEvent.change(screen.getByLabelText('选择指挥部'), { target: { value: 'baitang-lake' } });
    await waitFor(() => expect(sent.at(-1)!.variables).toEqual({ headquartersCode: 'baitang-lake' }));
  });
});
