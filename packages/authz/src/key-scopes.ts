// What a caller may do beyond the row rules, by kind of caller: integrator keys carry scopes, people do not.
import { UnreachableCaseError } from '@hanjiang/domain';
import type { ApiKeyScope, Principal } from './principal.js';

function keyHas(p: Principal, scope: ApiKeyScope): boolean {
  return p.scopes?.includes(scope) ?? false;
}

/**
 * May the caller run writes (mutations) at all? Signed-in people: yes, and `can()` then judges each action. An API
 * key is read-only unless it was granted `write` — a key handed to a data team must not sign or correct a
 * household because its tenant's commander created it. Anonymous callers write nothing but sign-ins, which the
 * gateway lets through before this rule.
 */
export function mayWrite(p: Principal | null): boolean {
  if (p === null) return false;
  switch (p.kind) {
    case 'user':
      return true;
    case 'apikey':
      return keyHas(p, 'write');
    default:
      throw new UnreachableCaseError(p.kind);
  }
}

/**
 * May the caller read the schema (introspection, and "Did you mean …" hints, which leak it piece by piece)?
 * Anonymous callers never, in any environment; signed-in portal users yes (their tools need it); keys only with
 * `introspect`, so a leaked read key does not also hand over a map of everything else.
 */
export function mayIntrospect(p: Principal | null): boolean {
  if (p === null) return false;
  switch (p.kind) {
    case 'user':
      return true;
    case 'apikey':
      return keyHas(p, 'introspect');
    default:
      throw new UnreachableCaseError(p.kind);
  }
}
