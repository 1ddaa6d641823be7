// The progress scopes a household counts in: the campaign, its headquarters, township (where the village
// lies), that township's pairing, its team and the team's parents, and its village.
import { pairingOf, ScopeKind } from '@hanjiang/domain';
import type { SeedHousehold, SeedWorld } from './model.js';

export interface ScopeRef {
  readonly kind: ScopeKind;
  readonly code: string;
  /** Ids stored on the scope's milestones; NULL for the campaign and pairings, which span tenants. */
  readonly townshipId: string | null;
  readonly headquartersId: string | null;
}

/** The campaign's one scope code. */
export const CAMPAIGN_SCOPE_CODE = 'main';

export const scopeKey = (kind: string, code: string): string => `${kind}:${code}`;

export function householdScopes(world: SeedWorld, h: SeedHousehold): ScopeRef[] {
  const village = h.village;
  const townshipCode = village.plan.townshipCode;
  const pairing = pairingOf(townshipCode);
  if (pairing === undefined) throw new Error(`seed: township ${townshipCode} has no pairing`);
  const hqId = village.headquartersId;
  const scopes: ScopeRef[] = [
    { kind: ScopeKind.CAMPAIGN, code: CAMPAIGN_SCOPE_CODE, townshipId: null, headquartersId: null },
    {
      kind: ScopeKind.HEADQUARTERS,
      code: village.plan.headquartersCode,
      townshipId: null,
      headquartersId: hqId,
    },
    { kind: ScopeKind.TOWNSHIP, code: townshipCode, townshipId: village.townshipId, headquartersId: null },
    { kind: ScopeKind.PAIRING, code: pairing.code, townshipId: null, headquartersId: null },
  ];
  for (const code of h.team.scopeCodes) {
    const team = world.teamsByCode.get(code);
    if (team === undefined) throw new Error(`seed: unknown team ${code}`);
    scopes.push({
      kind: ScopeKind.TEAM,
      code,
      townshipId: team.townshipId,
      headquartersId: team.headquartersId,
    });
  }
  scopes.push({
    kind: ScopeKind.VILLAGE,
    code: village.plan.code,
    townshipId: village.townshipId,
    headquartersId: hqId,
  });
  return scopes;
}
