import type { Principal } from '@hanjiang/authz';
import { TENANTS } from '@hanjiang/domain';
import { describe, expect, it } from 'vitest';
import {
  createKeyInput,
  type KeyForm,
  keyState,
  keyTenantChoices,
  mayManageKeys,
  usageRange,
} from './keys-logic.js';

function user(tenantKind: Principal['tenantKind'], tenantCode: string, role: Principal['role']): Principal {
  return {
    kind: 'user',
    subject: `${tenantCode}.${role}`,
    tenantKind,
    tenantCode,
    role,
    teamId: null,
    membershipId: null,
  };
}

describe('which tenants the key form offers (packages/authz decides)', () => {
  it.each([
    ['the district admin: every tenant', user('district', 'district', 'admin'), TENANTS.map((t) => t.code)],
    [
      'a headquarters commander: their own',
      user('headquarters', 'baitang-lake', 'commander'),
      ['baitang-lake'],
    ],
    ['a township commander: their own', user('township', 'baisha', 'commander'), ['baisha']],
    ['a headquarters viewer: none', user('headquarters', 'baitang-lake', 'viewer'), []],
    ['the district inspector: none', user('district', 'district', 'inspector'), []],
    [
      'an API key, even an admin one: none',
      { ...user('district', 'district', 'admin'), kind: 'apikey' as const },
      [],
    ],
  ])('%s', (_name, principal, codes) => {
    expect(keyTenantChoices(principal).map((t) => t.code)).toEqual(codes);
    expect(mayManageKeys(principal)).toBe(codes.length > 0);
  });
});

describe('a key’s state', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  it.each([
    ['in force, no expiry', { revokedAt: null, expiresAt: null }, 'active'],
    ['expiring later', { revokedAt: null, expiresAt: '2026-12-01T00:00:01Z' }, 'active'],
    ['expired at this instant', { revokedAt: null, expiresAt: '2026-12-01T00:00:00Z' }, 'expired'],
    [
      'revoked (whatever its expiry)',
      { revokedAt: '2026-11-30T00:00:00Z', expiresAt: '2026-11-01T00:00:00Z' },
      'revoked',
    ],
  ])('%s', (_name, key, state) => {
    expect(keyState(key, now)).toBe(state);
  });
});

describe('the createApiKey input', () => {
  const form: KeyForm = {
    name: '  区数据局  ',
    tenant: 'baisha',
    scopes: ['READ'],
    validThrough: '',
    ratePerMinute: null,
    costPerMinute: null,
    allowListOnly: false,
  };

  it('trims the name, keeps READ, and leaves expiry and limits to the gateway when empty', () => {
    expect(createKeyInput(form)).toEqual({
      name: '区数据局',
      tenant: 'baisha',
      scopes: ['READ'],
      expiresAt: null,
      limits: null,
      allowListOnly: false,
    });
  });

  it('adds READ when only other scopes were ticked', () => {
    expect(createKeyInput({ ...form, scopes: ['WRITE', 'INTROSPECT'] }).scopes).toEqual([
      'READ',
      'WRITE',
      'INTROSPECT',
    ]);
  });

  it('ends a "valid through" day at midnight Asia/Shanghai, whatever the browser’s zone', () => {
    expect(createKeyInput({ ...form, validThrough: '2026-12-31' }).expiresAt).toBe(
      '2026-12-31T16:00:00.000Z',
    );
  });

  it('sends a limit given alone, the other left to the default', () => {
    expect(createKeyInput({ ...form, ratePerMinute: 60 }).limits).toEqual({
      ratePerMinute: 60,
      costPerMinute: null,
    });
    expect(createKeyInput({ ...form, allowListOnly: true }).allowListOnly).toBe(true);
  });
});

describe('the usage window', () => {
  it('is the last seven days up to now', () => {
    expect(usageRange(new Date('2026-12-01T08:00:00Z'))).toEqual({
      from: '2026-11-24T08:00:00.000Z',
      to: '2026-12-01T08:00:00.000Z',
    });
  });
});
