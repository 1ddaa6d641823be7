import {
  COMPENSATION_CHOICE_LABELS,
  CompensationChoice,
  LeaderboardBoard,
  MilestoneKind,
  ROLE_LABELS,
  Role,
  STAGE_LABELS,
  ScopeKind,
  Stage,
  isRole,
  isStage,
  rolesForTenantKind,
} from './enums.js';
import { type TenantKind } from './tenants.js';

describe('enumerations', () => {
  it.each([
    ['Stage', Stage, ['SURVEYED', 'MEASURED', 'ASSESSED', 'SIGNED', 'VACATED', 'DEMOLISHED']],
    ['Role', Role, ['viewer', 'cadre', 'commander', 'admin', 'inspector']],
    ['CompensationChoice', CompensationChoice, ['CASH', 'PROPERTY_SWAP']],
    ['LeaderboardBoard', LeaderboardBoard, ['HEADQUARTERS', 'TOWNSHIP', 'PAIRING', 'TEAM']],
    [
      'MilestoneKind',
      MilestoneKind,
      ['MEASURED_PCT', 'SIGNED_PCT', 'CAMPAIGN_AREA', 'FIRST_TEAM_FULL_MEASUREMENT'],
    ],
    ['ScopeKind', ScopeKind, ['campaign', 'headquarters', 'township', 'pairing', 'team', 'village']],
  ])('%s has exactly the stated values', (_name, enumObject, values) => {
    expect(Object.values(enumObject)).toEqual(values);
  });

  it.each([Stage, Role, CompensationChoice, LeaderboardBoard, MilestoneKind, ScopeKind])(
    'uses GraphQL-legal upper-case keys (%#)',
    (enumObject) => {
      for (const key of Object.keys(enumObject)) expect(key).toMatch(/^[A-Z][A-Z_]*$/);
    },
  );

  it.each([
    ['SURVEYED', '入户摸底', 'Surveyed'],
    ['MEASURED', '丈量', 'Measured'],
    ['ASSESSED', '评估', 'Assessed'],
    ['SIGNED', '签约', 'Signed'],
    ['VACATED', '腾空交房', 'Vacated'],
    ['DEMOLISHED', '拆除', 'Demolished'],
  ] as const)('labels stage %s as %s / %s', (stage, zh, en) => {
    expect(STAGE_LABELS[stage]).toEqual({ zh, en });
  });

  it.each([
    ['CASH', '货币补偿', 'Cash compensation'],
    ['PROPERTY_SWAP', '产权置换', 'Property swap'],
  ] as const)('labels compensation %s as %s / %s', (choice, zh, en) => {
    expect(COMPENSATION_CHOICE_LABELS[choice]).toEqual({ zh, en });
  });

  // The labels people read, in full: `not.toBe('')` would also pass for a missing label.
  it.each([
    ['viewer', '查看员', 'Viewer'],
    ['cadre', '征迁干部', 'Cadre'],
    ['commander', '指挥长', 'Commander'],
    ['admin', '区级管理员', 'District administrator'],
    ['inspector', '综合督查组', 'Inspector (supervision group)'],
  ] as const)('labels role %s as %s / %s', (role, zh, en) => {
    expect(ROLE_LABELS[role]).toEqual({ zh, en });
  });

  it('labels every stage, role and compensation choice, and nothing else', () => {
    expect(Object.keys(STAGE_LABELS)).toEqual(Object.values(Stage));
    expect(Object.keys(ROLE_LABELS)).toEqual(Object.values(Role));
    expect(Object.keys(COMPENSATION_CHOICE_LABELS)).toEqual(Object.values(CompensationChoice));
  });
});

describe('rolesForTenantKind', () => {
  it.each<[TenantKind, Role[]]>([
    ['township', ['viewer', 'cadre', 'commander']],
    ['headquarters', ['viewer', 'cadre', 'commander']],
    ['district', ['admin', 'inspector']],
  ])('%s has roles %j', (kind, roles) => {
    expect(rolesForTenantKind(kind)).toEqual(roles);
  });

  it('throws on a kind outside the union', () => {
    expect(() => rolesForTenantKind('village' as TenantKind)).toThrow('Unreachable case: "village"');
  });
});

describe('guards', () => {
  it.each([
    ['SIGNED', true],
    ['signed', false],
    ['', false],
    ['toString', false],
  ])('isStage(%j) is %s', (value, expected) => {
    expect(isStage(value)).toBe(expected);
  });

  it.each([
    ['commander', true],
    ['COMMANDER', false],
    ['root', false],
  ])('isRole(%j) is %s', (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });
});
