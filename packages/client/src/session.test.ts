import { describe, expect, it } from 'vitest';
import { login, switchTenant } from './session.js';

const URL = 'http://gateway.test/graphql';

const payload = (active: [boolean, boolean]) => ({
  token: 'jwt',
  expiresAt: '2026-12-01T00:00:00.000Z',
  me: {
    subject: 'u1',
    displayName: '林干部',
    tenantKind: 'township',
    tenantCode: 'jiangkou',
    role: 'cadre',
    memberships: [
      { id: 'm1', active: active[0], tenantKind: 'township', tenantCode: 'jiangkou', role: 'cadre' },
      { id: 'm2', active: active[1], tenantKind: 'township', tenantCode: 'baitang', role: 'viewer' },
    ],
  },
});

function fakeFetch(body: unknown, seen: RequestInit[] = []): typeof fetch {
  return (_url, init) => {
    seen.push(init ?? {});
    return Promise.resolve(new Response(JSON.stringify(body)));
  };
}

describe('sessions', () => {
  it('signs in and keeps the active membership', async () => {
    const seen: RequestInit[] = [];
    const result = await login(
      URL,
      'lin',
      'pw',
      fakeFetch({ data: { login: payload([false, true]) } }, seen),
    );
    expect(result).toEqual({ session: { ...payload([false, true]), membershipId: 'm2' } });
    expect(new Headers(seen[0]?.headers).get('authorization')).toBeNull();
    expect(JSON.parse(seen[0]?.body as string)).toMatchObject({
      variables: { username: 'lin', password: 'pw' },
    });
  });

  it('switches tenant with the current token and returns the new session', async () => {
    const seen: RequestInit[] = [];
    const result = await switchTenant(
      URL,
      'old-token',
      'm2',
      fakeFetch({ data: { switchTenant: payload([false, true]) } }, seen),
    );
    expect(result).toEqual({ session: { ...payload([false, true]), membershipId: 'm2' } });
    expect(new Headers(seen[0]?.headers).get('authorization')).toBe('Bearer old-token');
    const sent = JSON.parse(seen[0]?.body as string) as { query: string; variables: unknown };
    expect(sent.variables).toEqual({ membershipId: 'm2' });
    expect(sent.query).toContain('switchTenant(membershipId: $membershipId)');
  });

  it("answers the gateway's own message on a refusal, and a network message when nothing came back", async () => {
    const refused = {
      errors: [
        {
          message: 'Forbidden',
          extensions: { code: 'FORBIDDEN', messageZh: '无权执行此操作', messageEn: 'Forbidden' },
        },
      ],
    };
    expect(await switchTenant(URL, 't', 'mX', fakeFetch(refused))).toEqual({
      error: { code: 'FORBIDDEN', zh: '无权执行此操作', en: 'Forbidden' },
    });
    const down: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    expect(await login(URL, 'a', 'b', down)).toEqual({
      error: {
        code: 'NETWORK',
        zh: '无法连接服务器,请稍后重试',
        en: 'The server cannot be reached; try again shortly',
      },
    });
  });
});
