// Villages and their households: owners, areas summing exactly to the village totals, and the leaf team
// each household is assigned to (teams with a fixed share take a block of the village first).
import { randomUUID } from 'node:crypto';
import { dayStart, type CampaignCalendar } from './campaign-calendar.js';
import { logNormalWeights, splitExactly } from './areas.js';
import { headquartersPlan, VILLAGE_PLANS, type VillagePlan } from './geography.js';
import type { CatalogueIds, SeedHousehold, SeedTeam, SeedVillage } from './model.js';
import { householdOwner } from './people.js';
import type { Rng } from './prng.js';
import { lookupId } from './build-teams.js';

export function buildVillages(ids: CatalogueIds): SeedVillage[] {
  return VILLAGE_PLANS.map((plan) => ({
    id: randomUUID(),
    plan,
    townshipId: lookupId(ids.township, plan.townshipCode, 'township'),
    headquartersId: lookupId(ids.headquarters, plan.headquartersCode, 'headquarters'),
  }));
}

/** How many of the village's `n` households each team working it takes, in team-plan order. */
export function teamCounts(
  village: VillagePlan,
  teams: readonly SeedTeam[],
  n: number,
): [SeedTeam, number][] {
  const working = teams.flatMap((team) =>
    team.plan.works.filter((w) => w.village === village.code).map((w) => ({ team, share: w.share })),
  );
  const fixed = working.map((w) => (w.share === 'rest' ? 0 : Math.round(w.share * n)));
  const restTeams = working.filter((w) => w.share === 'rest').length;
  const left = n - fixed.reduce((sum, c) => sum + c, 0);
  if (restTeams === 0 || left < restTeams)
    throw new Error(`seed: village ${village.code} is not fully worked`);
  let restIndex = 0;
  return working.map((w, i): [SeedTeam, number] => {
    if (w.share !== 'rest') return [w.team, fixed[i] ?? 0];
    // Rest teams split evenly; the first ones take the odd households.
    const count = Math.floor(left / restTeams) + (restIndex < left % restTeams ? 1 : 0);
    restIndex += 1;
    return [w.team, count];
  });
}

export function buildHouseholds(
  villages: readonly SeedVillage[],
  teams: readonly SeedTeam[],
  scale: number,
  calendar: CampaignCalendar,
  rng: Rng,
): SeedHousehold[] {
  const households: SeedHousehold[] = [];
  // The survey (入户摸底) came before the campaign: households exist from the days before day 1.
  const campaignStart = dayStart(calendar, 1).getTime();
  for (const village of villages) {
    const plan = village.plan;
    const hq = headquartersPlan(plan.headquartersCode);
    const n = plan.households * scale;
    const weights = logNormalWeights(rng, n, hq.areaSigma);
    const building = splitExactly(
      plan.buildingAreaM2 * scale * 100,
      weights,
      Math.floor((plan.buildingAreaM2 * 25) / plan.households),
    );
    // Land follows the building, loosely: a big house usually sits on a big plot.
    const landWeights = weights.map((w) => w * Math.exp(0.35 * rng.normal()));
    const land = splitExactly(
      plan.landAreaM2 * scale * 100,
      landWeights,
      Math.floor((plan.landAreaM2 * 20) / plan.households),
    );
    let index = 0;
    for (const [team, count] of teamCounts(plan, teams, n)) {
      for (let k = 0; k < count; k += 1, index += 1) {
        const owner = householdOwner(rng);
        const surveyedAt = new Date(
          campaignStart - rng.int(1, 10) * 86_400_000 + rng.int(0, 12 * 60) * 60_000,
        );
        households.push({
          id: randomUUID(),
          code: `${hq.abbr}-${plan.abbr}-${String(index + 1).padStart(4, '0')}`,
          village,
          team,
          ownerName: owner.name,
          ownerIdNumber: owner.idNumber,
          phone: owner.phone,
          buildingCents: building[index] ?? 0,
          landCents: land[index] ?? 0,
          priceYuanPerM2: rng.int(hq.priceYuanPerM2[0], hq.priceYuanPerM2[1]),
          surveyedAt,
          stage: 'SURVEYED',
          version: 1,
          assessedFen: null,
          agreedFen: null,
          choice: null,
          siteId: null,
          signedAt: null,
          updatedAt: surveyedAt,
        });
      }
    }
  }
  return households;
}
