import type { HanjiangClient, Session } from '@hanjiang/client';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderWithText, stubMatchMedia } from '../test/render.js';
import { Console } from './Console.js';

beforeAll(stubMatchMedia);
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function session(role: string): Session {
  return {
    token: 'x',
    expiresAt: '2030-01-01T00:00:00Z',
    membershipId: 'm1',
    me: {
      subject: `district.${role}`,
      displayName: null,
      tenantKind: 'district',
      tenantCode: 'district',
      role,
      memberships: [],
    },
  };
}

/** Answers every operation with nothing; records the operation names asked for. */
function quietClient() {
  const asked: string[] = [];
  const run = (doc: { definitions: { name?: { value: string } }[] }) => ({
    toPromise: () => {
      asked.push(doc.definitions.find((d) => d.name)?.name?.value ?? '?');
      return Promise.resolve({ data: undefined });
    },
  });
  return { client: { urql: { query: run, mutation: run } } as unknown as HanjiangClient, asked };
}

describe('the console’s API keys page (#/keys)', () => {
  it('is offered to the district admin and loads the keys', async () => {
    window.location.hash = '#/keys';
    const { client, asked } = quietClient();
    renderWithText(
      <Console session={session('admin')} client={client} url="/graphql" signOut={() => undefined} />,
    );
    expect(screen.getByRole('link', { name: '接口密钥' }).getAttribute('aria-current')).toBe('page');
    // The page is a lazy chunk: its first load under a cold transform can take a few seconds.
    expect(await screen.findByRole('heading', { name: '接口密钥' }, { timeout: 15_000 })).toBeTruthy();
    await waitFor(() => expect(asked).toContain('ApiKeys'));
  });

  it('is neither offered to nor opened for the inspector, who may not manage keys', async () => {
    window.location.hash = '#/keys';
    const { client, asked } = quietClient();
    renderWithText(
      <Console session={session('inspector')} client={client} url="/graphql" signOut={() => undefined} />,
    );
    expect(screen.queryByRole('link', { name: '接口密钥' })).toBeNull();
    expect(screen.getByRole('link', { name: '全区进度' }).getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    expect(asked).not.toContain('ApiKeys');
  });
});
