import type { HouseholdScope } from '@hanjiang/authz';
import type { CatalogueCache } from '../../db/catalogue-cache.js';

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
