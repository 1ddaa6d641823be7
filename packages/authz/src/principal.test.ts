import {
  isCadreOfTeam,
  isCommanderOf,
  isDistrictAdmin,
  isDistrictInspector,
  isWellFormedPrincipal,
} from './principal.js';
import {
  BAISHA_HELPER_TEAM,
  BAITANG_TEAM,
  MALFORMED_PRINCIPALS,
  PRINCIPAL_NAMES,
  principalNamed,
} from './test-fixtures.js';

describe('isWellFormedPrincipal', () => {
  it.each(PRINCIPAL_NAMES)('accepts %s', (name) => {
    expect(isWellFormedPrincipal(principalNamed(name))).toBe(true);
  });

  it.each(MALFORMED_PRINCIPALS)('refuses %s', (_label, p) => {
    expect(isWellFormedPrincipal(p)).toBe(false);
  });
});

describe('role helpers', () => {
  it.each([
    ['district.admin', true, false],
    ['key:district.admin', true, false],
    ['district.inspector', false, true],
    ['baitang.commander', false, false],
  ])('%s: admin %s, inspector %s', (name, admin, inspector) => {
    expect(isDistrictAdmin(principalNamed(name))).toBe(admin);
    expect(isDistrictInspector(principalNamed(name))).toBe(inspector);
  });

  // The helpers stand on their own: an admin or inspector role outside the district is not the district's.
  it.each([
    ['a township admin', { ...principalNamed('baitang.commander'), role: 'admin' as const }],
    ['a township inspector', { ...principalNamed('baitang.commander'), role: 'inspector' as const }],
    ['a headquarters admin', { ...principalNamed('baitang-lake.commander'), role: 'admin' as const }],
  ])('%s is no district admin or inspector', (_label, p) => {
    expect(isDistrictAdmin(p)).toBe(false);
    expect(isDistrictInspector(p)).toBe(false);
  });

  it.each([
    ['baitang.commander', 'township', 'baitang', true],
    ['baitang.commander', 'township', 'baisha', false],
    ['baitang.commander', 'headquarters', 'baitang', false],
    ['baitang-lake.commander', 'headquarters', 'baitang-lake', true],
    ['baitang-lake.cadre', 'headquarters', 'baitang-lake', false],
    ['district.admin', 'township', 'district', false],
  ] as const)('%s commands %s %s: %s', (name, kind, code, expected) => {
    expect(isCommanderOf(principalNamed(name), kind, code)).toBe(expected);
  });
});

describe('isCadreOfTeam', () => {
  const commanderWithTeam = { ...principalNamed('baitang.commander'), teamId: BAITANG_TEAM };
  it.each([
    ['baitang.cadre', BAITANG_TEAM, true],
    ['baitang.cadre', BAISHA_HELPER_TEAM, false],
    ['baitang.cadre', null, false],
    ['key:baisha.cadre', BAISHA_HELPER_TEAM, true],
    // A cadre without a team is of no team, least of all of a household's missing one.
    ['baitang.teamless-cadre', null, false],
    ['baitang.teamless-cadre', BAITANG_TEAM, false],
    ['baitang.commander', null, false],
  ] as const)('%s of team %s: %s', (name, teamId, expected) => {
    expect(isCadreOfTeam(principalNamed(name), teamId)).toBe(expected);
  });

  it('holds only for cadres, whatever a malformed token carries', () => {
    expect(isCadreOfTeam(commanderWithTeam, BAITANG_TEAM)).toBe(false);
  });
});
