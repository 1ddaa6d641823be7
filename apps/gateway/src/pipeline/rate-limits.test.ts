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
const op = (principal: Principal | null): OperationUnderPolicy => ({
  document,
  operation: getOperationAST(document)!,
  variables: {},
  principal,
  transport: 'http',
});

describe('OperationBudgets (in memory)', () => {
  const budgets = () =>
    new OperationBudgets({ requestsPerWindow: 2, costPerWindow: 1_000, windowSeconds: 60 });
  const codes = async (b: OperationBudgets, principal: Principal | null, n: number) => {
    const out: (string | null)[] = [];
    for (let i = 0; i < n; i += 1) {
      const refusal = await b.policy(op(principal));
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

  it('counts each caller apart; a key’s own rate overrides the default; anonymous callers are not counted', async () => {
    const b = budgets();
    expect(await codes(b, key('a', null), 3)).toEqual([null, null, 'RATE_LIMITED']);
    expect(await codes(b, key('b', 4), 5)).toEqual([null, null, null, null, 'RATE_LIMITED']);
    expect(await codes(b, null, 5)).toEqual([null, null, null, null, null]);
  });

  it('charges the document’s price against the cost budget', async () => {
    const b = new OperationBudgets({ requestsPerWindow: 100, costPerWindow: 10, windowSeconds: 60 });
    // Not validated here, so unpriced: the floor of 1 per operation (the gateway's documents carry armor's price).
    expect(await codes(b, user, 11)).toEqual([...Array<null>(10).fill(null), 'RATE_LIMITED']);
  });
});
