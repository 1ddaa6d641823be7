// The progress scopes a household counts in, in TypeScript: the campaign, its headquarters, township (where the
// village lies), that township's pairing, its team and the team's parents, and its village. The same fan-out as
// the recount (scope-sql.ts) and the database's write path (app.household_scopes); the seed's replay counts with it.
import { pairingOf, ScopeKind } from '@hanjiang/domain';

export interface ScopeRef {
  readonly kind: ScopeKind;
  readonly code: string;
  /** Ids stored on the scope's milestones; NULL for the campaign and pairings, which span tenants. */
  readonly townshipId: string | null;
  readonly headquartersId: string | null;
}

/** Where a household is: what its scopes are made of. */
export interface HouseholdPlace {
  readonly townshipCode: string;
  readonly townshipId: string;
  readonly headquartersCode: string;
  readonly headquartersId: string;
  readonly villageCode: string;
  /** Its team and every parent team, leaf first (empty: no team). */
  readonly teams: readonly { code: string; townshipId: string | null; headquartersId: string }[];
}

/** The campaign's one scope code. */
export const CAMPAIGN_SCOPE_CODE = 'main';

export const scopeKey = (kind: string, code: string): string => `${kind}:${code}`;

export function householdScopes(place: HouseholdPlace): ScopeRef[] {
  const pairing = pairingOf(place.townshipCode);
  if (pairing === undefined) throw new Error(`progress: township ${place.townshipCode} has no pairing`);
  return [
    { kind: ScopeKind.CAMPAIGN, code: CAMPAIGN_SCOPE_CODE, townshipId: null, headquartersId: null },
    {
      kind: ScopeKind.HEADQUARTERS,
      code: place.headquartersCode,
      townshipId: null,
      headquartersId: place.headquartersId,
    },
    {
      kind: ScopeKind.TOWNSHIP,
      code: place.townshipCode,
      townshipId: place.townshipId,
      headquartersId: null,
    },
    { kind: ScopeKind.PAIRING, code: pairing.code, townshipId: null, headquartersId: null },
    ...place.teams.map((team) => ({
      kind: ScopeKind.TEAM,
      code: team.code,
      townshipId: team.townshipId,
      headquartersId: team.headquartersId,
    })),
    {
      kind: ScopeKind.VILLAGE,
      code: place.villageCode,
      townshipId: place.townshipId,
      headquartersId: place.headquartersId,
    },
  ];
}
