// Principals and households shared by the tests (not exported from the package). The scenario is the
// article's: 白沙 (baisha) lends its team 江尾分组 to work households of 白塘 (baitang) in 白塘湖片区.
import { type Role, type TenantKind } from '@hanjiang/domain';
import { type Principal } from './principal.js';
import { type HouseholdScope } from './scope.js';

function principal(
  name: string,
  tenantKind: TenantKind,
  role: Role,
  teamId: string | null = null,
  kind: Principal['kind'] = 'user',
): Principal {
  const tenantCode = name.replace(/^key:/, '').split('.')[0] ?? '';
  return { kind, subject: name, tenantKind, tenantCode, role, teamId, membershipId: `m-${name}` };
}

export const BAISHA_HELPER_TEAM = 'team-baisha-jiangwei';
export const BAITANG_TEAM = 'team-baitang-1';

/** Well-formed principals, keyed by a readable name: `<tenant>.<role>`, `key:` for API keys. */
export const PRINCIPALS: Readonly<Record<string, Principal>> = Object.fromEntries(
  [
    principal('baitang.viewer', 'township', 'viewer'),
    principal('baitang.cadre', 'township', 'cadre', BAITANG_TEAM),
    // A cadre whose team was dissolved and not yet replaced: still a member who may read, but of no team.
    principal('baitang.teamless-cadre', 'township', 'cadre', null),
    principal('baitang.commander', 'township', 'commander'),
    principal('baisha.viewer', 'township', 'viewer'),
    principal('baisha.cadre', 'township', 'cadre', BAISHA_HELPER_TEAM),
    principal('baisha.commander', 'township', 'commander'),
    principal('qiulu.commander', 'township', 'commander'),
    principal('baitang-lake.viewer', 'headquarters', 'viewer'),
    principal('baitang-lake.cadre', 'headquarters', 'cadre', 'team-btl-1'),
    principal('baitang-lake.commander', 'headquarters', 'commander'),
    principal('food-park.commander', 'headquarters', 'commander'),
    principal('district.admin', 'district', 'admin'),
    principal('district.inspector', 'district', 'inspector'),
    principal('key:baitang.viewer', 'township', 'viewer', null, 'apikey'),
    principal('key:baitang.commander', 'township', 'commander', null, 'apikey'),
    principal('key:baisha.cadre', 'township', 'cadre', BAISHA_HELPER_TEAM, 'apikey'),
    principal('key:district.admin', 'district', 'admin', null, 'apikey'),
  ].map((p) => [p.subject, p]),
);

export const PRINCIPAL_NAMES = Object.keys(PRINCIPALS);

export function principalNamed(name: string): Principal {
  const found = PRINCIPALS[name];
  if (found === undefined) throw new Error(`No test principal ${name}`);
  return found;
}

/** Principals a bug could mint: each must be refused everything. */
export const MALFORMED_PRINCIPALS: readonly [string, Principal][] = [
  ['a district cadre', principal('district.cadre', 'district', 'cadre', BAITANG_TEAM)],
  ['a township admin', principal('baitang.admin', 'township', 'admin')],
  [
    'a township code claiming to be a headquarters',
    principal('baitang.commander', 'headquarters', 'commander'),
  ],
  ['an unknown tenant', principal('atlantis.commander', 'township', 'commander')],
  // Only a cadre belongs to a work team: a team on anyone else would pass the "own team" rules.
  ['a commander carrying a team', principal('baitang.commander', 'township', 'commander', BAITANG_TEAM)],
  ['a viewer carrying a team', principal('baisha.viewer', 'township', 'viewer', BAISHA_HELPER_TEAM)],
  ['a district admin carrying a team', principal('district.admin', 'district', 'admin', BAITANG_TEAM)],
  [
    'an API key of a commander carrying a team',
    principal('key:baitang.commander', 'township', 'commander', BAITANG_TEAM, 'apikey'),
  ],
];

export const HOUSEHOLDS: Readonly<Record<string, HouseholdScope>> = {
  /** In baitang, worked by baisha's helper team. */
  helped: {
    townshipCode: 'baitang',
    headquartersCode: 'baitang-lake',
    teamId: BAISHA_HELPER_TEAM,
    teamHomeTownshipCode: 'baisha',
  },
  /** In baitang, worked by baitang's own team. */
  own: {
    townshipCode: 'baitang',
    headquartersCode: 'baitang-lake',
    teamId: BAITANG_TEAM,
    teamHomeTownshipCode: 'baitang',
  },
  /** In baitang and not yet assigned to a team: a team id of null must match no one's. */
  unassignedInBaitang: {
    townshipCode: 'baitang',
    headquartersCode: 'baitang-lake',
    teamId: null,
    teamHomeTownshipCode: null,
  },
  /** Elsewhere entirely and not yet assigned to a team. */
  unassigned: {
    townshipCode: 'wutang',
    headquartersCode: 'university-town',
    teamId: null,
    teamHomeTownshipCode: null,
  },
};

export function householdNamed(name: string): HouseholdScope {
  const found = HOUSEHOLDS[name];
  if (found === undefined) throw new Error(`No test household ${name}`);
  return found;
}
