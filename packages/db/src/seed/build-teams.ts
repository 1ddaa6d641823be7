// Work teams and their cadres, from the team plan.
import { randomUUID } from 'node:crypto';
import { chineseName } from './people.js';
import type { Rng } from './prng.js';
import type { CatalogueIds, SeedCadre, SeedTeam } from './model.js';
import { SECONDMENTS } from './secondments.js';
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
  const seconded = secondedCadres();
  const childMembers = new Map<string, number>();
  for (const plan of TEAM_PLANS) {
    if (plan.parentCode !== null) {
      const members = plan.members + (seconded.get(plan.code) ?? 0);
      childMembers.set(plan.parentCode, (childMembers.get(plan.parentCode) ?? 0) + members);
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
      memberCount: isLeaf
        ? plan.members + (seconded.get(plan.code) ?? 0)
        : (childMembers.get(plan.code) ?? 0),
      scopeCodes,
      isLeaf,
    };
  });
}

/** Cadres seconded into each leaf team by district units that lead no team of their own. */
function secondedCadres(): Map<string, number> {
  const leaves = new Set(TEAM_PLANS.filter((plan) => plan.works.length > 0).map((plan) => plan.code));
  const byTeam = new Map<string, number>();
  for (const s of SECONDMENTS) {
    if (!leaves.has(s.team))
      throw new Error(`seed: unit ${s.unit} seconds cadres into ${s.team}, not a leaf team`);
    byTeam.set(s.team, (byTeam.get(s.team) ?? 0) + s.cadres);
  }
  return byTeam;
}

/**
 * One cadre per member of each leaf team (a parent's members are its sub-groups' cadres): first the team's
 * own, from its township or unit, then those seconded into it by other units (names drawn in that order, so
 * adding a secondment never renames an existing cadre).
 */
export function buildCadres(teams: readonly SeedTeam[], ids: CatalogueIds, rng: Rng): SeedCadre[] {
  const leaves = teams.filter((team) => team.isLeaf);
  const own = leaves.flatMap((team) =>
    Array.from({ length: team.plan.members }, (): SeedCadre => ({
      id: randomUUID(),
      team,
      homeUnitId: team.homeUnitId,
      name: chineseName(rng),
    })),
  );
  const byCode = new Map(leaves.map((team) => [team.plan.code, team]));
  const seconded = SECONDMENTS.flatMap((s) => {
    const team = byCode.get(s.team);
    if (team === undefined) throw new Error(`seed: no leaf team ${s.team} for unit ${s.unit}`);
    const homeUnitId = lookup(ids.unit, s.unit, 'district unit');
    return Array.from({ length: s.cadres }, (): SeedCadre => ({
      id: randomUUID(),
      team,
      homeUnitId,
      name: chineseName(rng),
    }));
  });
  return [...own, ...seconded];
}

export { lookup as lookupId };
