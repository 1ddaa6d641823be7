// Who is asking. There is no "anonymous principal": an unauthenticated request carries `null`, so no
// rule can accidentally grant something to a made-up guest identity.
import { type Role, type TenantKind, rolesForTenantKind, tenantKindOf } from '@hanjiang/domain';

export type PrincipalKind = 'user' | 'apikey';

export interface Principal {
  readonly kind: PrincipalKind;
  /** User id or API key id: what the audit log records. */
  readonly subject: string;
  readonly tenantKind: TenantKind;
  /** Tenant code, e.g. 'baitang', 'baitang-lake' or 'district'. */
  readonly tenantCode: string;
  readonly role: Role;
  /**
   * The work team a cadre belongs to; null for everyone else — and for a cadre whose team was dissolved and not
   * yet replaced, who keeps reading but has no "own team" to work for.
   */
  readonly teamId: string | null;
  readonly membershipId: string | null;
  /**
   * An API key's scopes (`read` always; `write`, `introspect` when granted). Absent for signed-in users, whose
   * role alone decides. See key-scopes.ts.
   */
  readonly scopes?: readonly ApiKeyScope[];
}

/** What an integrator key may do beyond reading its tenant's rows (the database's API_KEY_SCOPES). */
export const API_KEY_SCOPES = ['read', 'write', 'introspect'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * A principal whose tenant code exists, is of the stated kind, whose role exists in that kind of tenant, and
 * who carries a team only if a cadre. A token that fails this was minted by a bug; the rules refuse it rather
 * than guess (a commander carrying a team would otherwise pass every "own team" rule as well as its own).
 */
export function isWellFormedPrincipal(p: Principal): boolean {
  return (
    tenantKindOf(p.tenantCode) === p.tenantKind &&
    rolesForTenantKind(p.tenantKind).includes(p.role) &&
    (p.teamId === null || p.role === 'cadre')
  );
}

/**
 * A cadre of exactly this work team. A cadre without a team belongs to none, so a household without a team is
 * nobody's "own" (`null === null` must not grant it).
 */
export function isCadreOfTeam(p: Principal, teamId: string | null): boolean {
  return p.role === 'cadre' && p.teamId !== null && p.teamId === teamId;
}

export function isDistrictAdmin(p: Principal): boolean {
  return p.tenantKind === 'district' && p.role === 'admin';
}

export function isDistrictInspector(p: Principal): boolean {
  return p.tenantKind === 'district' && p.role === 'inspector';
}

/** A commander of exactly this township or headquarters. */
export function isCommanderOf(
  p: Principal,
  tenantKind: 'township' | 'headquarters',
  tenantCode: string,
): boolean {
  return p.role === 'commander' && p.tenantKind === tenantKind && p.tenantCode === tenantCode;
}
