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
  /** The work team a cadre belongs to; null for everyone else. */
  readonly teamId: string | null;
  readonly membershipId: string | null;
}

/**
 * A principal whose tenant code exists, is of the stated kind, and whose role exists in that kind of
 * tenant. A token that fails this was minted by a bug; the rules refuse it rather than guess.
 */
export function isWellFormedPrincipal(p: Principal): boolean {
  return tenantKindOf(p.tenantCode) === p.tenantKind && rolesForTenantKind(p.tenantKind).includes(p.role);
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
