import { describe, expect, it } from 'vitest';
import { createHanjiangClient } from './client.js';
import { ScreenBootDocument } from './generated/graphql.js';

/** The socket is lazy: these tests never open one (Node 20 has no global WebSocket). */
class NoSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
}

interface Seen {
  authorization: string | null;
  operation: string;
}

/** A gateway over HTTP that answers the renewal (switchTenant) with a fresh token and anything else with no data. */
function fakeGateway() {
  const seen: Seen[] = [];
  let issued = 0;
  const fetch = ((_url: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(init?.body as string) as { query: string };
    const headers = new Headers(init?.headers);
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '?';
    seen.push({ authorization: headers.get('authorization'), operation });
    const data =
      operation === 'Renew'
        ? {
            switchTenant: {
              token: `fresh-${(issued += 1)}`,
              expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
            },
          }
        : {
            campaign: null,
            headquartersBoard: [],
            townshipBoard: [],
            pairingBoard: [],
            teamBoard: [],
            villages: [],
          };
    return Promise.resolve(
      new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }),
    );
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('createHanjiangClient over HTTP', () => {
  it('sends a display key as a bearer credential, and never renews it', async () => {
    const gateway = fakeGateway();
    const client = createHanjiangClient({
      url: 'http://gateway.test/graphql',
      credential: { kind: 'apiKey', key: 'hj_demoscreen_secret' },
      fetch: gateway.fetch,
      webSocketImpl: NoSocket,
    });
    await client.urql.query(ScreenBootDocument, {}).toPromise();
    client.dispose();
    expect(gateway.seen).toEqual([{ authorization: 'Bearer hj_demoscreen_secret', operation: 'ScreenBoot' }]);
  });

  it('renews a session token that is about to expire before sending the query, then uses the new one', async () => {
    const gateway = fakeGateway();
    const renewed: string[] = [];
    const client = createHanjiangClient({
      url: 'http://gateway.test/graphql',
      // 10 s left: inside the renewal window (at least 30 s before expiry).
      credential: {
        kind: 'session',
        token: 'old',
        expiresAt: new Date(Date.now() + 10_000).toISOString(),
        membershipId: 'm1',
      },
      fetch: gateway.fetch,
      webSocketImpl: NoSocket,
      onTokenRenewed: (t) => renewed.push(t.token),
    });
    await client.urql.query(ScreenBootDocument, {}).toPromise();
    client.dispose();
    expect(gateway.seen[0]).toEqual({ authorization: 'Bearer old', operation: 'Renew' });
    expect(gateway.seen.at(-1)).toEqual({ authorization: `Bearer ${renewed[0]}`, operation: 'ScreenBoot' });
    expect(renewed).toHaveLength(1);
  });
});
