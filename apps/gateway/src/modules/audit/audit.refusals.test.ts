import type { Refusal } from '../../db/audit-records.js';
import { RefusalCoalescer } from './audit.refusals.js';

const refusal = (actor: string, code: string, client: string | null = '10.0.0.1'): Refusal => ({
  actor,
  tenantKind: null,
  tenantCode: null,
  membership: null,
  code,
  client,
  requestId: 'r1',
  operation: null,
  transport: 'http',
});

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('RefusalCoalescer', () => {
  it('one row per caller, code and address per window, carrying the count', () => {
    const c = new RefusalCoalescer(60_000);
    for (let i = 0; i < 1_000; i += 1) c.add(refusal('apikey:k1', 'RATE_LIMITED'), at(i * 10));
    c.add(refusal('apikey:k1', 'QUERY_TOO_COMPLEX'), at(5));
    c.add(refusal('anonymous', 'UNAUTHENTICATED', '10.0.0.2'), at(5));
    c.add(refusal('anonymous', 'UNAUTHENTICATED', '10.0.0.3'), at(5));
    expect(c.take(at(59_999))).toEqual([]); // no window has closed yet
    const rows = c.take(at(60_005));
    expect(
      rows.map((r) => [r.actor, r.outcome, r.client, r.detail.kind === 'refusal' && r.detail.count]),
    ).toEqual([
      ['apikey:k1', 'RATE_LIMITED', '10.0.0.1', 1_000],
      ['apikey:k1', 'QUERY_TOO_COMPLEX', '10.0.0.1', 1],
      ['anonymous', 'UNAUTHENTICATED', '10.0.0.2', 1],
      ['anonymous', 'UNAUTHENTICATED', '10.0.0.3', 1],
    ]);
    expect(rows[0]!.detail).toMatchObject({ firstAt: at(0).toISOString(), lastAt: at(9_990).toISOString() });
    expect(c.size).toBe(0);
  });

  it('a refusal after its window closed opens a new window', () => {
    const c = new RefusalCoalescer(1_000);
    c.add(refusal('a', 'FORBIDDEN'), at(0));
    expect(c.take(at(1_000))).toHaveLength(1);
    c.add(refusal('a', 'FORBIDDEN'), at(1_001));
    expect(c.take(at(1_500), true).map((r) => r.detail)).toEqual([expect.objectContaining({ count: 1 })]);
  });

  it('is bounded: past the cap, new callers share one bucket per code and nothing is uncounted', () => {
    const c = new RefusalCoalescer(60_000, 3);
    for (let i = 0; i < 50; i += 1) c.add(refusal(`anonymous`, 'UNAUTHENTICATED', `10.0.1.${i}`), at(i));
    expect(c.size).toBe(4);
    const rows = c.take(at(0), true);
    expect(rows.find((r) => r.actor === '*')?.detail).toMatchObject({ count: 47 });
    expect(rows.reduce((n, r) => n + (r.detail.kind === 'refusal' ? r.detail.count : 0), 0)).toBe(50);
  });
});
