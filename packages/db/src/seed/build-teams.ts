// Work teams and their cadres, from the team plan.
import { randomUUID } from 'node:crypto';
import { chineseName } from './people.js';
import type { Rng } from './prng.js';
import type { CatalogueIds, SeedCadre, SeedTeam } from './model.js';
import { homeTownship, homeUnit } from './team-plan.js';
import { TEAM_PLANS } from './teams.js';

function lookup(map: ReadonlyMap<string, string>, code: string, what: string): string {
  const id = map.get(code);
  if (id === undefined) throw new Error(`seed: unknown ${what} ${code} (is the catalogue upserted?)`);
  return id;
}

export function buildTeams(ids: CatalogueIds): SeedTeam[] {
  const idByCode = new Map(TEAM_PLANS.map((plan) => [plan.code, randomUUID()]));
  const plansByCode = new Map(TEAM_PLANS.map((plan) => [plan.code, plan]));
  const childMembers = new Map<string, number>();
  for (const plan of TEAM_PLANS) {
    if (plan.parentCode !== null) {
      childMembers.set(plan.parentCode, (childMembers.get(plan.parentCode) ?? 0) + plan.members);
    }
  }
  return TEAM_PLANS.map((plan): SeedTeam => {
    const township = homeTownship(plan.home);
    const unit = homeUnit(plan.home);
    const scopeCodes = [plan.code];
    for (let p = plan.parentCode; p !== null; p = plansByCode.get(p)?.parentCode ?? null) scopeCodes.push(p);
    const isLeaf = !childMembers.has(plan.code);
    if (isLeaf === (plan.works.length === 0)) {
      throw new Error(`seed: team ${plan.code} must work villages exactly when it has no sub-groups`);
    }
    return {
      id: lookup(idByCode, plan.code, 'team'),
      plan,
      parentId: plan.parentCode === null ? null : lookup(idByCode, plan.parentCode, 'parent team'),
      townshipId: township === null ? null : lookup(ids.township, township, 'township'),
      homeUnitId: unit === null ? null : lookup(ids.unit, unit, 'district unit'),
      headquartersId: lookup(ids.headquarters, plan.headquartersCode, 'headquarters'),
      memberCount: isLeaf ? plan.members : (childMembers.get(plan.code) ?? 0),
      scopeCodes,
      isLeaf,
    };
  });
}

/** One cadre per member of each leaf team (a parent's members are its sub-groups' cadres). */
export function buildCadres(teams: readonly SeedTeam[], rng: Rng): SeedCadre[] {
  return teams
    .filter((team) => team.isLeaf)
    .flatMap((team) =>
      Array.from({ length: team.memberCount }, (): SeedCadre => ({
        id: randomUUID(),
        team,
        name: chineseName(rng),
      })),
    );
}

export { lookup as lookupId };
