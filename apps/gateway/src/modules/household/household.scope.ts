import type { HouseholdScope } from '@hanjiang/authz';
import type { CatalogueCache } from '../../db/catalogue-cache.js';
import type { RequestTransaction } from '../../db/request-transaction.js';

/** The authz view of a household row (codes, not ids). */
export function householdScope(
  h: { townshipId: string; headquartersId: string; teamId: string | null; teamHomeTownshipId: string | null },
  catalogue: CatalogueCache,
): HouseholdScope {
  return {
    townshipCode: catalogue.township(h.townshipId)?.code ?? '',
    headquartersCode: catalogue.headquartersOf(h.headquartersId)?.code ?? '',
    teamId: h.teamId,
    teamHomeTownshipCode: catalogue.township(h.teamHomeTownshipId)?.code ?? null,
  };
}

/** The scope columns of a household, read under the caller's RLS: null when it does not exist or is not visible. */
export interface HouseholdScopeRow {
  id: string;
  townshipId: string;
  headquartersId: string;
  teamId: string | null;
  teamHomeTownshipId: string | null;
}

export async function readHouseholdScope(
  tx: RequestTransaction,
  id: string,
): Promise<HouseholdScopeRow | null> {
  const [row] = await tx.query<HouseholdScopeRow>(
    `SELECT h.id, h.township_id AS "townshipId", h.headquarters_id AS "headquartersId", h.team_id AS "teamId",
       h.team_home_township_id AS "teamHomeTownshipId" FROM household h WHERE h.id = $1`,
    [id],
  );
  return row ?? null;
}
