// A seeded household's place, for the progress scopes it counts in (progress/household-scopes.ts).
import { type ScopeRef, householdScopes } from '../progress/household-scopes.js';
import type { SeedHousehold, SeedWorld } from './model.js';

export function seedHouseholdScopes(world: SeedWorld, h: SeedHousehold): ScopeRef[] {
  const village = h.village;
  return householdScopes({
    townshipCode: village.plan.townshipCode,
    townshipId: village.townshipId,
    headquartersCode: village.plan.headquartersCode,
    headquartersId: village.headquartersId,
    villageCode: village.plan.code,
    teams: h.team.scopeCodes.map((code) => {
      const team = world.teamsByCode.get(code);
      if (team === undefined) throw new Error(`seed: unknown team ${code}`);
      return { code, townshipId: team.townshipId, headquartersId: team.headquartersId };
    }),
  });
}
