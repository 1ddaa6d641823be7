import type { Loaders } from './context.js';
import type { RequestTransaction } from './db/request-transaction.js';
import { createCatalogLoaders } from './modules/catalog/catalog.loaders.js';
import { createHouseholdLoaders } from './modules/household/household.loaders.js';
import { createCadreLoader } from './modules/cadre-record/cadre.loaders.js';
import { createDisputeLoaders } from './modules/dispute/dispute.loaders.js';
import { createVisitLoaders } from './modules/visit/visit.loaders.js';

/**
 * Every per-request DataLoader (the kernel's open `Loaders` interface, which each module extends with its own),
 * created on first use so requests that need none pay nothing.
 */
export function createLoaders(tx: RequestTransaction): Loaders {
  let catalog: ReturnType<typeof createCatalogLoaders> | undefined;
  let household: ReturnType<typeof createHouseholdLoaders> | undefined;
  let cadre: ReturnType<typeof createCadreLoader> | undefined;
  let visit: ReturnType<typeof createVisitLoaders> | undefined;
  let dispute: ReturnType<typeof createDisputeLoaders> | undefined;
  return {
    get cadre() {
      return (cadre ??= createCadreLoader(tx));
    },
    /** Visits and disputes by household (issue 14): the household card's field-work fields. */
    get visitsByHousehold() {
      return (visit ??= createVisitLoaders(tx)).visitsByHousehold;
    },
    get disputesByHousehold() {
      return (dispute ??= createDisputeLoaders(tx)).disputesByHousehold;
    },
    get openDisputesByTeam() {
      return (dispute ??= createDisputeLoaders(tx)).openDisputesByTeam;
    },
    get village() {
      return (catalog ??= createCatalogLoaders(tx)).village;
    },
    get team() {
      return (catalog ??= createCatalogLoaders(tx)).team;
    },
    get eventsByHousehold() {
      return (household ??= createHouseholdLoaders(tx)).eventsByHousehold;
    },
    get household() {
      return (household ??= createHouseholdLoaders(tx)).household;
    },
  };
}
