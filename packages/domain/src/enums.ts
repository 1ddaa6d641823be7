// Enumerations as `as const` objects: each works as a TypeScript union, as a runtime list, and as a
// GraphQL enum source object (keys become the GraphQL names, values the internal values).
import { type BilingualMessage, UnreachableCaseError } from './errors.js';
import { type TenantKind } from './tenants.js';

type ValueOf<T> = T[keyof T];

export const Stage = {
  SURVEYED: 'SURVEYED',
  MEASURED: 'MEASURED',
  ASSESSED: 'ASSESSED',
  SIGNED: 'SIGNED',
  VACATED: 'VACATED',
  DEMOLISHED: 'DEMOLISHED',
} as const;
export type Stage = ValueOf<typeof Stage>;

export const STAGE_LABELS: Readonly<Record<Stage, BilingualMessage>> = {
  SURVEYED: { zh: '入户摸底', en: 'Surveyed' },
  MEASURED: { zh: '丈量', en: 'Measured' },
  ASSESSED: { zh: '评估', en: 'Assessed' },
  SIGNED: { zh: '签约', en: 'Signed' },
  VACATED: { zh: '腾空交房', en: 'Vacated' },
  DEMOLISHED: { zh: '拆除', en: 'Demolished' },
};

export const Role = {
  VIEWER: 'viewer',
  CADRE: 'cadre',
  COMMANDER: 'commander',
  ADMIN: 'admin',
  INSPECTOR: 'inspector',
} as const;
export type Role = ValueOf<typeof Role>;

export const ROLE_LABELS: Readonly<Record<Role, BilingualMessage>> = {
  viewer: { zh: '查看员', en: 'Viewer' },
  cadre: { zh: '征迁干部', en: 'Cadre' },
  commander: { zh: '指挥长', en: 'Commander' },
  admin: { zh: '区级管理员', en: 'District administrator' },
  inspector: { zh: '综合督查组', en: 'Inspector (supervision group)' },
};

const WORKING_TENANT_ROLES: readonly Role[] = [Role.VIEWER, Role.CADRE, Role.COMMANDER];
const DISTRICT_ROLES: readonly Role[] = [Role.ADMIN, Role.INSPECTOR];

/** Townships and headquarters do the work; the district administers and supervises. */
export function rolesForTenantKind(kind: TenantKind): readonly Role[] {
  switch (kind) {
    case 'township':
    case 'headquarters':
      return WORKING_TENANT_ROLES;
    case 'district':
      return DISTRICT_ROLES;
    default:
      throw new UnreachableCaseError(kind);
  }
}

export const CompensationChoice = {
  CASH: 'CASH',
  PROPERTY_SWAP: 'PROPERTY_SWAP',
} as const;
export type CompensationChoice = ValueOf<typeof CompensationChoice>;

export const COMPENSATION_CHOICE_LABELS: Readonly<Record<CompensationChoice, BilingualMessage>> = {
  CASH: { zh: '货币补偿', en: 'Cash compensation' },
  PROPERTY_SWAP: { zh: '产权置换', en: 'Property swap' },
};

export const LeaderboardBoard = {
  HEADQUARTERS: 'HEADQUARTERS',
  TOWNSHIP: 'TOWNSHIP',
  PAIRING: 'PAIRING',
  TEAM: 'TEAM',
} as const;
export type LeaderboardBoard = ValueOf<typeof LeaderboardBoard>;

export const MilestoneKind = {
  MEASURED_PCT: 'MEASURED_PCT',
  SIGNED_PCT: 'SIGNED_PCT',
  CAMPAIGN_AREA: 'CAMPAIGN_AREA',
  FIRST_TEAM_FULL_MEASUREMENT: 'FIRST_TEAM_FULL_MEASUREMENT',
} as const;
export type MilestoneKind = ValueOf<typeof MilestoneKind>;

export const ScopeKind = {
  CAMPAIGN: 'campaign',
  HEADQUARTERS: 'headquarters',
  TOWNSHIP: 'township',
  PAIRING: 'pairing',
  TEAM: 'team',
  VILLAGE: 'village',
} as const;
export type ScopeKind = ValueOf<typeof ScopeKind>;

/** Runtime guard for values arriving as plain strings (URL parameters, database rows). */
export function isStage(value: string): value is Stage {
  return (Object.values(Stage) as string[]).includes(value);
}

export function isRole(value: string): value is Role {
  return (Object.values(Role) as string[]).includes(value);
}
