import type { Loaders } from './context.js';
import type { RequestTransaction } from './db/request-transaction.js';
import { createCatalogLoaders } from './modules/catalog/catalog.loaders.js';
import { createHouseholdLoaders } from './modules/household/household.loaders.js';

/**
 * Every per-request DataLoader (the kernel's open `Loaders` interface, which each module extends with its own),
 * created on first use so requests that need none pay nothing.
 */
export function createLoaders(tx: RequestTransaction): Loaders {
  let catalog: ReturnType<typeof createCatalogLoaders> | undefined;
  let household: ReturnType<typeof createHouseholdLoaders> | undefined;
  return {
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
