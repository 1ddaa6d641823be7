// Tenant scope: which rows a principal may see. PostgreSQL row-level security enforces the same rule
// from the settings below; this copy serves field-level decisions and the front-ends.
import { UnreachableCaseError } from '@hanjiang/domain';
import { type Principal } from './principal.js';

/** What the rules need to know about a household. */
export interface HouseholdScope {
  readonly townshipCode: string;
  readonly headquartersCode: string;
  /** The assigned work team, if any. */
  readonly teamId: string | null;
  /** The township the assigned team comes from, which may differ from the household's own. */
  readonly teamHomeTownshipCode: string | null;
}

/** A township or headquarters (or the district) something is created in or for. */
export interface TenantScope {
  readonly tenantCode: string;
}

/** Something belonging to one headquarters, such as a team assignment or a resettlement site. */
export interface HeadquartersScope {
  readonly headquartersCode: string;
}

/** A work team: the headquarters it works for, and its home township (null for a district unit's team). */
export interface TeamScope {
  readonly teamId: string;
  readonly homeTownshipCode: string | null;
  readonly headquartersCode: string;
}

/**
 * District: everything. Headquarters: its own project area. Township: its own households, plus those
 * worked by its own teams elsewhere (a mountain township's helpers working in its paired plain township).
 */
export function canSeeHousehold(p: Principal, h: HouseholdScope): boolean {
  switch (p.tenantKind) {
    case 'district':
      return true;
    case 'headquarters':
      return h.headquartersCode === p.tenantCode;
    case 'township':
      return h.townshipCode === p.tenantCode || h.teamHomeTownshipCode === p.tenantCode;
    default:
      throw new UnreachableCaseError(p.tenantKind);
  }
}

export const SQL_VISIBILITY_SETTING_NAMES = [
  'app.tenant_kind',
  'app.tenant_id',
  'app.role',
  'app.team_id',
  'app.subject',
] as const;

export type SqlVisibilitySettingName = (typeof SQL_VISIBILITY_SETTING_NAMES)[number];

/**
 * The transaction-local settings (`set_config(name, value, true)`) the RLS policies read. `app.tenant_id`
 * carries the tenant code; the gateway may translate it to a database id. Absent values are '' rather
 * than null because that is what a reused connection reports for a setting a previous transaction cleared.
 */
export function sqlVisibilitySettings(p: Principal): Readonly<Record<SqlVisibilitySettingName, string>> {
  return {
    'app.tenant_kind': p.tenantKind,
    'app.tenant_id': p.tenantCode,
    'app.role': p.role,
    'app.team_id': p.teamId ?? '',
    'app.subject': p.subject,
  };
}
