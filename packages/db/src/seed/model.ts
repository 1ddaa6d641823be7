// The demo as plain data, built in memory first and written in bulk afterwards: ids are generated here
// (random UUIDs) so that events, milestones and memberships can point at rows before they exist.
import type { CompensationChoice, Stage } from '@hanjiang/domain';
import type { VillagePlan } from './geography.js';
import type { TeamPlan } from './team-plan.js';

/** Row ids of the fixed catalogue, by code. */
export interface CatalogueIds {
  readonly township: ReadonlyMap<string, string>;
  readonly headquarters: ReadonlyMap<string, string>;
  readonly unit: ReadonlyMap<string, string>;
}

export interface SeedVillage {
  readonly id: string;
  readonly plan: VillagePlan;
  readonly townshipId: string;
  readonly headquartersId: string;
}

export interface SeedTeam {
  readonly id: string;
  readonly plan: TeamPlan;
  readonly parentId: string | null;
  /** Home township id (NULL for a district unit's team). */
  readonly townshipId: string | null;
  readonly homeUnitId: string | null;
  readonly headquartersId: string;
  readonly memberCount: number;
  /** This team's code and every ancestor's, leaf first: the team scopes its households count in. */
  readonly scopeCodes: readonly string[];
  readonly isLeaf: boolean;
}

export interface SeedCadre {
  readonly id: string;
  readonly team: SeedTeam;
  /** The district unit the cadre comes from: the team's own, or the unit that seconded them into it. */
  readonly homeUnitId: string | null;
  readonly name: string;
}

export interface SeedHousehold {
  readonly id: string;
  readonly code: string;
  readonly village: SeedVillage;
  readonly team: SeedTeam;
  readonly ownerName: string;
  readonly ownerIdNumber: string;
  readonly phone: string;
  /** Areas in hundredths of m², so that sums are exact integers. */
  readonly buildingCents: number;
  readonly landCents: number;
  /** Assessment price for this household, whole yuan per m². */
  readonly priceYuanPerM2: number;
  readonly surveyedAt: Date;
  // The projection of the household's events, filled in by the history.
  stage: Stage;
  version: number;
  assessedFen: number | null;
  agreedFen: number | null;
  choice: CompensationChoice | null;
  siteId: string | null;
  signedAt: Date | null;
  updatedAt: Date;
}

export interface SeedEvent {
  readonly id: string;
  readonly household: SeedHousehold;
  readonly fromStage: Stage;
  readonly toStage: Stage;
  readonly version: number;
  readonly occurredAt: Date;
  readonly actorSubject: string;
  readonly membershipId: string | null;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly payload: Readonly<Record<string, string | number>>;
}

export interface SeedSite {
  readonly id: string;
  readonly code: string;
  readonly nameZh: string;
  readonly townshipId: string;
  readonly headquartersCode: string;
  readonly headquartersId: string;
  readonly plannedUnits: number;
  allocatedUnits: number;
}

export interface SeedMilestone {
  readonly scopeKind: string;
  readonly scopeCode: string;
  readonly kind: string;
  readonly threshold: number;
  readonly townshipId: string | null;
  readonly headquartersId: string | null;
  readonly event: SeedEvent;
}

export interface SeedWorld {
  readonly scale: number;
  readonly ids: CatalogueIds;
  readonly villages: readonly SeedVillage[];
  readonly teams: readonly SeedTeam[];
  readonly teamsByCode: ReadonlyMap<string, SeedTeam>;
  readonly cadres: readonly SeedCadre[];
  readonly households: readonly SeedHousehold[];
}
