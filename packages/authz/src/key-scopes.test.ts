import type { ApiKeyScope, Principal } from './principal.js';
import { mayIntrospect, mayWrite } from './key-scopes.js';

function caller(kind: Principal['kind'], scopes?: ApiKeyScope[]): Principal {
  return {
    kind,
    subject: `${kind}:x`,
    tenantKind: 'township',
    tenantCode: 'baisha',
    role: 'commander',
    teamId: null,
    membershipId: null,
    ...(scopes ? { scopes } : {}),
  };
}

// prettier-ignore
const TABLE: [label: string, principal: Principal | null, write: boolean, introspect: boolean][] = [
  ['anonymous', null, false, false],
  ['a signed-in user', caller('user'), true, true],
  ['a key without scopes (a row from before scopes)', caller('apikey'), false, false],
  ['a read key', caller('apikey', ['read']), false, false],
  ['a read+introspect key', caller('apikey', ['read', 'introspect']), false, true],
  ['a read+write key', caller('apikey', ['read', 'write']), true, false],
  ['a key with every scope', caller('apikey', ['read', 'write', 'introspect']), true, true],
];

describe('key scopes', () => {
  it.each(TABLE)('%s: write %s, introspect %s', (_label, principal, write, introspect) => {
    expect(mayWrite(principal)).toBe(write);
    expect(mayIntrospect(principal)).toBe(introspect);
  });

  it('throws on a kind outside the union', () => {
    const odd = { ...caller('user'), kind: 'robot' } as unknown as Principal;
    expect(() => mayWrite(odd)).toThrow('Unreachable case');
    expect(() => mayIntrospect(odd)).toThrow('Unreachable case');
  });
});
