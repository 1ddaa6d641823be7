import { isCommanderOf, isDistrictAdmin, isDistrictInspector, isWellFormedPrincipal } from './principal.js';
import { MALFORMED_PRINCIPALS, PRINCIPAL_NAMES, principalNamed } from './test-fixtures.js';

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
