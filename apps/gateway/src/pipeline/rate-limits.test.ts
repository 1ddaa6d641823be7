import type { Principal } from '@hanjiang/authz';
import { getOperationAST, parse } from 'graphql';
import type { KeyPrincipal } from '../credentials/api-keys.js';
import { OperationBudgets } from './rate-limits.js';
import type { OperationUnderPolicy } from './policies.js';

const document = parse('{ me { subject } }');
const user: Principal = {
  kind: 'user',
  subject: 'baisha.viewer',
  tenantKind: 'township',
  tenantCode: 'baisha',
  role: 'viewer',
  teamId: null,
  membershipId: null,
};
const key = (keyId: string, ratePerMinute: number | null): KeyPrincipal => ({
  ...user,
  kind: 'apikey',
  subject: `apikey:${keyId}`,
  scopes: ['read'],
  apiKey: { keyId, ratePerMinute, costPerMinute: null, allowListOnly: false },
});
const op = (principal: Principal | null, clientAddress = '10.0.0.1'): OperationUnderPolicy => ({
  document,
  operation: getOperationAST(document)!,
  variables: {},
  principal,
  transport: 'http',
  clientAddress,
});
const anonymous = { anonymousRequestsPerWindow: 3, anonymousCostPerWindow: 1_000 };

describe('OperationBudgets (in memory)', () => {
  const budgets = () =>
    new OperationBudgets({ requestsPerWindow: 2, costPerWindow: 1_000, windowSeconds: 60, ...anonymous });
  const codes = async (b: OperationBudgets, principal: Principal | null, n: number, address?: string) => {
    const out: (string | null)[] = [];
    for (let i = 0; i < n; i += 1) {
      const refusal = await b.policy(op(principal, address));
      out.push(refusal ? String(refusal.extensions.code) : null);
    }
    return out;
  };

  it('refuses past the rate with RATE_LIMITED, retryAfterSeconds and HTTP 429 + Retry-After', async () => {
    const b = budgets();
    expect(await codes(b, user, 3)).toEqual([null, null, 'RATE_LIMITED']);
    const refusal = await b.policy(op(user));
    expect(refusal?.extensions.retryAfterSeconds).toBeGreaterThan(0);
    const http = refusal?.extensions.http as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    expect(http.headers.get('retry-after')).toBe(String(refusal?.extensions.retryAfterSeconds));
  });

  it('counts each caller apart; a key’s own rate overrides the default', async () => {
    const b = budgets();
    expect(await codes(b, key('a', null), 3)).toEqual([null, null, 'RATE_LIMITED']);
    expect(await codes(b, key('b', 4), 5)).toEqual([null, null, null, null, 'RATE_LIMITED']);
  });

  it('counts anonymous operations per address over WebSocket, and anonymous HTTP requests at their start', async () => {
    const b = budgets();
    const ws = (address: string) => ({ ...op(null, address), transport: 'ws' as const });
    const refusals = [];
    for (let i = 0; i < 4; i += 1) refusals.push((await b.policy(ws('10.0.0.1')))?.extensions.code ?? null);
    expect(refusals).toEqual([null, null, null, 'RATE_LIMITED']);
    // HTTP: the request was counted at its start; the policy charges only the cost.
    expect(await codes(b, null, 5, '10.0.0.2')).toEqual([null, null, null, null, null]);
    const starts = [];
    for (let i = 0; i < 4; i += 1) starts.push(await b.chargeAnonymousRequest('10.0.0.3'));
    expect(starts.slice(0, 3)).toEqual([null, null, null]);
    expect(starts[3]).toBeGreaterThan(0);
    // Another address, and a signed-in user at a spent address, are unaffected.
    expect(await b.chargeAnonymousRequest('10.0.0.4')).toBeNull();
    expect(await codes(b, user, 1, '10.0.0.3')).toEqual([null]);
  });

  it('charges the document’s price against the cost budget', async () => {
    const b = new OperationBudgets({
      requestsPerWindow: 100,
      costPerWindow: 10,
      windowSeconds: 60,
      ...anonymous,
    });
    // Not validated here, so unpriced: the floor of 1 per operation (the gateway's documents carry armor's price).
    expect(await codes(b, user, 11)).toEqual([...Array<null>(10).fill(null), 'RATE_LIMITED']);
  });
});
