// 四察四看: weekly scores (0–100) by the supervision group for every headquarters and for the teams the
// article names or that came from elsewhere to help. Scores follow each target's measured share at the
// end of the week, with the inspectors' own judgement as noise — they are not invented progress figures.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { bulkInsert, iso } from './bulk-insert.js';
import { addDays } from '@hanjiang/domain';
import { timeOnDay, type CampaignCalendar } from './campaign-calendar.js';
import type { SeedEvent, SeedHousehold, SeedTeam, SeedWorld } from './model.js';
import type { Rng } from './prng.js';

const ITEMS = [
  { key: 'progress', labelZh: '察进度看成效' },
  { key: 'conduct', labelZh: '察作风看担当' },
  { key: 'cooperation', labelZh: '察协作看合力' },
  { key: 'satisfaction', labelZh: '察民意看满意' },
] as const;

const INSPECTED_TEAMS = [
  'baisha-helper-jiangwei',
  'baisha-helper-jikui',
  'qwb-squad-1',
  'qwb-squad-2',
  'qwb-squad-3',
  'qwb-squad-4',
  'zjj-station',
  'wlj-food',
  'scjgj-food',
  'czj-university',
  'fgj-university',
  'gxj-university',
  'qiulu-helper',
  'zhuangbian-helper',
  'xinxian-helper',
  'dayang-helper',
];

export const INSPECTOR_SUBJECT = 'district.inspector';

interface InspectionRow {
  readonly id: string;
  readonly townshipId: string | null;
  readonly headquartersId: string;
  readonly team: SeedTeam | null;
  readonly period: string;
  readonly score: string;
  readonly items: string;
  readonly recordedAt: string;
}

/** The inspection targets a household counts for: its headquarters, and its team or parent if inspected. */
function targetKeys(h: SeedHousehold, inspected: ReadonlySet<string>): string[] {
  return [
    `hq:${h.village.headquartersId}`,
    ...h.team.scopeCodes.filter((c) => inspected.has(c)).map((c) => `team:${c}`),
  ];
}

export function buildInspections(
  world: SeedWorld,
  events: readonly SeedEvent[],
  calendar: CampaignCalendar,
  rng: Rng,
): InspectionRow[] {
  const inspected = new Set(INSPECTED_TEAMS);
  const targets = [
    ...[...new Set(world.villages.map((v) => v.headquartersId))].map((headquartersId) => ({
      key: `hq:${headquartersId}`,
      headquartersId,
      team: null,
    })),
    ...INSPECTED_TEAMS.map((code) => {
      const team = world.teamsByCode.get(code);
      if (team === undefined) throw new Error(`seed: unknown inspected team ${code}`);
      return { key: `team:${code}`, headquartersId: team.headquartersId, team };
    }),
  ];
  // Every completed week of the campaign (days 1–7, 8–14, 15–21 on day 27), scored on the evening of its
  // last day on what had been measured by then.
  const weeks: { period: string; recordedAt: Date }[] = [];
  for (let week = 1; week * 7 < calendar.today; week += 1) {
    weeks.push({
      // An ISO 8601 interval of Shanghai dates: "2025-11-03/2025-11-09".
      period: `${addDays(calendar.startDate, (week - 1) * 7)}/${addDays(calendar.startDate, week * 7 - 1)}`,
      recordedAt: timeOnDay(calendar, week * 7, 0.7),
    });
  }
  const totals = new Map<string, number>();
  for (const h of world.households) {
    for (const key of targetKeys(h, inspected)) totals.set(key, (totals.get(key) ?? 0) + 1);
  }
  const measuredByWeek = new Map<string, number[]>();
  for (const e of events) {
    if (e.toStage !== 'MEASURED') continue;
    const first = weeks.findIndex((w) => e.occurredAt <= w.recordedAt);
    if (first < 0) continue;
    for (const key of targetKeys(e.household, inspected)) {
      const counts = measuredByWeek.get(key) ?? weeks.map(() => 0);
      for (let w = first; w < weeks.length; w += 1) counts[w] = (counts[w] ?? 0) + 1;
      measuredByWeek.set(key, counts);
    }
  }
  const rows: InspectionRow[] = [];
  weeks.forEach(({ period, recordedAt }, w) => {
    for (const { key, headquartersId, team } of targets) {
      const total = totals.get(key) ?? 0;
      const measured = measuredByWeek.get(key)?.[w] ?? 0;
      // Against a plan of measuring everything in about 20 days.
      const expected = Math.min(1, ((w + 1) * 7) / 20);
      const pace = total > 0 ? Math.min(1.2, measured / total / expected) : 0;
      const items = ITEMS.map((item) => {
        const base = item.key === 'progress' ? 12 + 11 * pace : 17 + 3 * pace;
        return {
          ...item,
          score: Math.round(Math.min(25, Math.max(0, base + rng.between(-2.5, 2.5))) * 2) / 2,
        };
      });
      rows.push({
        id: randomUUID(),
        townshipId: team?.townshipId ?? null,
        headquartersId,
        team,
        period,
        score: items.reduce((sum, i) => sum + i.score, 0).toFixed(2),
        items: JSON.stringify(
          Object.fromEntries(items.map((i) => [i.key, { labelZh: i.labelZh, score: i.score }])),
        ),
        recordedAt: iso(recordedAt),
      });
    }
  });
  return rows;
}

export async function writeInspections(
  client: pg.PoolClient,
  rows: readonly InspectionRow[],
  onBatch: (n: number) => void,
): Promise<void> {
  await bulkInsert(
    client,
    'inspection',
    [
      { name: 'id', type: 'uuid', value: (r: InspectionRow) => r.id },
      { name: 'township_id', type: 'uuid', value: (r) => r.townshipId },
      { name: 'headquarters_id', type: 'uuid', value: (r) => r.headquartersId },
      { name: 'target_kind', type: 'text', value: (r) => (r.team === null ? 'headquarters' : 'team') },
      { name: 'team_id', type: 'uuid', value: (r) => r.team?.id ?? null },
      { name: 'period', type: 'text', value: (r) => r.period },
      { name: 'score', type: 'numeric', value: (r) => r.score },
      { name: 'items', type: 'jsonb', value: (r) => r.items },
      { name: 'note', type: 'text', value: () => null },
      { name: 'recorded_by', type: 'text', value: () => INSPECTOR_SUBJECT },
      { name: 'recorded_at', type: 'timestamptz', value: (r) => r.recordedAt },
    ],
    rows,
    onBatch,
  );
}
