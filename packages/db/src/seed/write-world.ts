// Writes the campaign, villages, teams (and which villages they work), cadres and resettlement sites.
import { DEFAULT_CAMPAIGN } from '@hanjiang/domain';
import type pg from 'pg';
import { bulkInsert, iso } from './bulk-insert.js';
import { timeOnDay, type CampaignCalendar } from './campaign-calendar.js';
import type { SeedSite, SeedTeam, SeedVillage, SeedWorld } from './model.js';

interface TeamVillage {
  readonly team: SeedTeam;
  readonly village: SeedVillage;
}

/** Leaf teams work the villages of their plan; a parent is assigned every village its sub-groups work. */
export function teamVillages(world: SeedWorld): TeamVillage[] {
  const villages = new Map(world.villages.map((v) => [v.plan.code, v]));
  const seen = new Set<string>();
  const rows: TeamVillage[] = [];
  for (const leaf of world.teams.filter((t) => t.isLeaf)) {
    for (const work of leaf.plan.works) {
      const village = villages.get(work.village);
      if (village === undefined)
        throw new Error(`seed: team ${leaf.plan.code} works unknown village ${work.village}`);
      for (const code of leaf.scopeCodes) {
        const team = world.teamsByCode.get(code);
        if (team === undefined || seen.has(`${code}|${village.plan.code}`)) continue;
        seen.add(`${code}|${village.plan.code}`);
        rows.push({ team, village });
      }
    }
  }
  return rows;
}

export async function writeCampaign(client: pg.PoolClient, calendar: CampaignCalendar): Promise<void> {
  await client.query(
    'INSERT INTO campaign (name_zh, start_date, length_days, target_area_m2) VALUES ($1, $2, $3, $4)',
    [DEFAULT_CAMPAIGN.nameZh, calendar.startDate, DEFAULT_CAMPAIGN.lengthDays, DEFAULT_CAMPAIGN.targetAreaM2],
  );
}

export async function writeWorld(
  client: pg.PoolClient,
  world: SeedWorld,
  sites: readonly SeedSite[],
  calendar: CampaignCalendar,
  onBatch: (written: number) => void,
): Promise<void> {
  await bulkInsert(
    client,
    'village',
    [
      { name: 'id', type: 'uuid', value: (v: SeedVillage) => v.id },
      { name: 'township_id', type: 'uuid', value: (v) => v.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (v) => v.headquartersId },
      { name: 'code', type: 'text', value: (v) => v.plan.code },
      { name: 'name_zh', type: 'text', value: (v) => v.plan.nameZh },
    ],
    world.villages,
    onBatch,
  );
  await bulkInsert(
    client,
    'work_team',
    [
      { name: 'id', type: 'uuid', value: (t: SeedTeam) => t.id },
      { name: 'township_id', type: 'uuid', value: (t) => t.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (t) => t.headquartersId },
      { name: 'home_unit_id', type: 'uuid', value: (t) => t.homeUnitId },
      { name: 'parent_id', type: 'uuid', value: (t) => t.parentId },
      { name: 'code', type: 'text', value: (t) => t.plan.code },
      { name: 'name_zh', type: 'text', value: (t) => t.plan.nameZh },
      { name: 'member_count', type: 'int', value: (t) => t.memberCount },
    ],
    world.teams,
    onBatch,
  );
  // Teams were assigned as the campaign opened, on the morning of day 1.
  const assignedAt = iso(timeOnDay(calendar, 1, 0));
  await bulkInsert(
    client,
    'team_village',
    [
      { name: 'team_id', type: 'uuid', value: (r: TeamVillage) => r.team.id },
      { name: 'village_id', type: 'uuid', value: (r) => r.village.id },
      { name: 'township_id', type: 'uuid', value: (r) => r.village.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (r) => r.village.headquartersId },
      { name: 'team_home_township_id', type: 'uuid', value: (r) => r.team.townshipId },
      { name: 'assigned_at', type: 'timestamptz', value: () => assignedAt },
    ],
    teamVillages(world),
    onBatch,
  );
  await bulkInsert(
    client,
    'cadre',
    [
      { name: 'id', type: 'uuid', value: (c: SeedWorld['cadres'][number]) => c.id },
      { name: 'team_id', type: 'uuid', value: (c) => c.team.id },
      { name: 'township_id', type: 'uuid', value: (c) => c.team.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (c) => c.team.headquartersId },
      { name: 'home_unit_id', type: 'uuid', value: (c) => c.homeUnitId },
      { name: 'name_zh', type: 'text', value: (c) => c.name },
    ],
    world.cadres,
    onBatch,
  );
  await bulkInsert(
    client,
    'resettlement_site',
    [
      { name: 'id', type: 'uuid', value: (s: SeedSite) => s.id },
      { name: 'township_id', type: 'uuid', value: (s) => s.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (s) => s.headquartersId },
      { name: 'name_zh', type: 'text', value: (s) => s.nameZh },
      { name: 'planned_units', type: 'int', value: (s) => s.plannedUnits },
      { name: 'allocated_units', type: 'int', value: (s) => s.allocatedUnits },
    ],
    sites,
    onBatch,
  );
}
