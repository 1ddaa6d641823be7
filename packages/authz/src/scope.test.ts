import { canSeeHousehold, sqlVisibilitySettings } from './scope.js';
import { HOUSEHOLDS, PRINCIPAL_NAMES, householdNamed, principalNamed } from './test-fixtures.js';

// Who sees each household; everyone else in PRINCIPAL_NAMES does not.
const VISIBLE_TO: Record<string, string[]> = {
  helped: [
    'baitang.viewer',
    'baitang.cadre',
    'baitang.teamless-cadre',
    'baitang.commander',
    'baisha.viewer', // the helper team comes from baisha
    'baisha.cadre',
    'baisha.commander',
    'baitang-lake.viewer',
    'baitang-lake.cadre',
    'baitang-lake.commander',
    'district.admin',
    'district.inspector',
    'key:baitang.viewer',
    'key:baitang.commander',
    'key:baisha.cadre',
    'key:district.admin',
  ],
  own: [
    'baitang.viewer',
    'baitang.cadre',
    'baitang.teamless-cadre',
    'baitang.commander',
    'baitang-lake.viewer',
    'baitang-lake.cadre',
    'baitang-lake.commander',
    'district.admin',
    'district.inspector',
    'key:baitang.viewer',
    'key:baitang.commander',
    'key:district.admin',
  ],
  // No team, so no helper township: baisha, which lends baitang a team, does not see it.
  unassignedInBaitang: [
    'baitang.viewer',
    'baitang.cadre',
    'baitang.teamless-cadre',
    'baitang.commander',
    'baitang-lake.viewer',
    'baitang-lake.cadre',
    'baitang-lake.commander',
    'district.admin',
    'district.inspector',
    'key:baitang.viewer',
    'key:baitang.commander',
    'key:district.admin',
  ],
  unassigned: ['district.admin', 'district.inspector', 'key:district.admin'],
};

const cases = Object.keys(HOUSEHOLDS).flatMap((household) =>
  PRINCIPAL_NAMES.map((name) => [household, name, VISIBLE_TO[household]?.includes(name) ?? false] as const),
);

describe('canSeeHousehold', () => {
  it.each(cases)('household %s, principal %s: %s', (household, name, visible) => {
    expect(canSeeHousehold(principalNamed(name), householdNamed(household))).toBe(visible);
  });
});

describe('sqlVisibilitySettings', () => {
  it.each([
    [
      'baisha.cadre',
      {
        'app.tenant_kind': 'township',
        'app.tenant_id': 'baisha',
        'app.role': 'cadre',
        'app.team_id': 'team-baisha-jiangwei',
        'app.subject': 'baisha.cadre',
      },
    ],
    [
      'district.admin',
      {
        'app.tenant_kind': 'district',
        'app.tenant_id': 'district',
        'app.role': 'admin',
        'app.team_id': '',
        'app.subject': 'district.admin',
      },
    ],
    [
      'key:baitang.viewer',
      {
        'app.tenant_kind': 'township',
        'app.tenant_id': 'baitang',
        'app.role': 'viewer',
        'app.team_id': '',
        'app.subject': 'key:baitang.viewer',
      },
    ],
  ])('%s sets %j', (name, settings) => {
    expect(sqlVisibilitySettings(principalNamed(name))).toEqual(settings);
  });

  it.each(PRINCIPAL_NAMES)('gives %s only string values', (name) => {
    for (const value of Object.values(sqlVisibilitySettings(principalNamed(name)))) {
      expect(typeof value).toBe('string');
    }
  });
});

describe('canSeeHousehold on a principal whose kind is outside the union', () => {
  it('throws rather than guess', () => {
    const p = { ...principalNamed('district.admin'), tenantKind: 'province' as never };
    expect(() => canSeeHousehold(p, householdNamed('own'))).toThrow('Unreachable case: "province"');
  });
});
