import { canSeeHousehold, type Principal } from '@hanjiang/authz';
import type { CatalogueCache } from '../../db/catalogue-cache.js';
import type { LiveEvent } from '../../live/live-events.js';
import type { HouseholdFilter } from './household.inputs.js';
import { householdScope } from './household.scope.js';
import type { Household } from './household.types.js';

export type HouseholdLiveEvent = Extract<LiveEvent, { t: 'household' }>;

/**
 * First filter, per event and without SQL: the same tenant rule as row-level security (`canSeeHousehold` on
 * the event's tenant ids, translated to codes by the catalogue), plus the tenant parts of the caller's filter.
 * Only events passing it are executed; the execution then re-reads the row under RLS (the second filter).
 */
export function eventConcerns(
  principal: Principal,
  filter: Partial<HouseholdFilter> | null | undefined,
  event: HouseholdLiveEvent,
  catalogue: CatalogueCache,
): boolean {
  const scope = householdScope(
    {
      townshipId: event.townshipId,
      headquartersId: event.headquartersId,
      teamId: null,
      teamHomeTownshipId: event.teamHomeTownshipId,
    },
    catalogue,
  );
  if (!canSeeHousehold(principal, scope)) return false;
  if (filter?.townshipCode && filter.townshipCode !== scope.townshipCode) return false;
  return !(filter?.headquartersCode && filter.headquartersCode !== scope.headquartersCode);
}

/** The rest of the filter, on the row as re-read (village, team, stages, text). */
export function rowMatches(
  row: Household,
  filter: Partial<HouseholdFilter> | null | undefined,
  catalogue: CatalogueCache,
): boolean {
  if (!filter) return true;
  if (filter.townshipCode && catalogue.township(row.townshipId)?.code !== filter.townshipCode) return false;
  if (
    filter.headquartersCode &&
    catalogue.headquartersOf(row.headquartersId)?.code !== filter.headquartersCode
  ) {
    return false;
  }
  if (filter.villageId && filter.villageId !== row.villageId) return false;
  if (filter.teamId && filter.teamId !== row.teamId) return false;
  if (filter.stages?.length && !filter.stages.includes(row.stage)) return false;
  const text = filter.search?.trim().toLowerCase();
  return !text || row.ownerName.toLowerCase().includes(text) || row.code.toLowerCase().includes(text);
}
