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
    ['SURVEYED', '入户摸底'],
    ['MEASURED', '丈量'],
    ['ASSESSED', '评估'],
    ['SIGNED', '签约'],
    ['VACATED', '腾空交房'],
    ['DEMOLISHED', '拆除'],
  ] as const)('labels stage %s as %s', (stage, zh) => {
    expect(STAGE_LABELS[stage].zh).toBe(zh);
  });

  it.each([
    ['CASH', '货币补偿'],
    ['PROPERTY_SWAP', '产权置换'],
  ] as const)('labels compensation %s as %s', (choice, zh) => {
    expect(COMPENSATION_CHOICE_LABELS[choice].zh).toBe(zh);
  });

  it('labels every role', () => {
    for (const role of Object.values(Role)) expect(ROLE_LABELS[role].zh).not.toBe('');
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
