// The field work the article describes, as demo history (issue 14): every household's visits leading up to its
// transitions — 白沙's 江尾 and 集奎 groups visiting in the evenings (错时走访) — a few disputes mediated early
// (提前调解), most resolved and one escalated to the supervision group, and each event credited to a cadre.
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_WORKING_HOURS,
  isOffHours,
  Stage,
  type DisputeCategory,
  type DisputeState,
  type VisitPurpose,
} from '@hanjiang/domain';
import { dayStart, type CampaignCalendar } from './campaign-calendar.js';
import type { Actor } from './build-history.js';
import type { SeedCadre, SeedEvent, SeedHousehold, SeedWorld } from './model.js';
import type { Rng } from './prng.js';

export interface SeedVisit {
  readonly id: string;
  readonly household: SeedHousehold;
  readonly cadreId: string | null;
  readonly visitedAt: Date;
  readonly metWith: string;
  readonly purpose: VisitPurpose;
  readonly outcome: string;
  readonly nextStep: string | null;
  readonly offHours: boolean;
  readonly actor: Actor;
  readonly key: string;
}

export interface SeedDispute {
  readonly id: string;
  readonly household: SeedHousehold;
  readonly category: DisputeCategory;
  readonly state: DisputeState;
  readonly mediator: string;
  readonly mediatorCadreId: string | null;
  readonly notes: string;
  readonly openedAt: Date;
  readonly mediationStartedAt: Date | null;
  readonly closedAt: Date | null;
  readonly actor: Actor;
  readonly key: string;
}

export interface SeedFieldWork {
  readonly visits: readonly SeedVisit[];
  readonly disputes: readonly SeedDispute[];
  /** The cadre credited with each event (measurements and signings in cadre records). */
  readonly creditOf: ReadonlyMap<string, string>;
}

/** The article's two evening groups: 白沙拆迁组's 江尾分组 and 集奎分组, working 白塘's villages. */
export const EVENING_TEAMS = new Set(['baisha-helper-jiangwei', 'baisha-helper-jikui']);

const MET_WITH = ['户主本人', '户主配偶', '户主子女', '户主及家人', '户主亲属'];
const PURPOSE_BEFORE: Partial<Record<Stage, VisitPurpose>> = {
  MEASURED: 'MEASUREMENT_APPOINTMENT',
  ASSESSED: 'POLICY_EXPLANATION',
  SIGNED: 'SIGNING_TALK',
};
const OUTCOME: Record<VisitPurpose, string> = {
  POLICY_EXPLANATION: '讲解补偿安置政策,户主表示理解',
  SOCIAL_RELATIONS_SURVEY: '摸清家庭成员及在外亲属情况',
  MEASUREMENT_APPOINTMENT: '约定丈量时间',
  SIGNING_TALK: '就补偿方案协商,基本达成一致',
  OTHER: '了解近况',
};
const NEXT_STEP: Record<VisitPurpose, string | null> = {
  POLICY_EXPLANATION: '待评估结果出来后再次入户',
  SOCIAL_RELATIONS_SURVEY: '联系在外亲属做工作',
  MEASUREMENT_APPOINTMENT: '按约定时间带测量员入户',
  SIGNING_TALK: '准备签约材料',
  OTHER: null,
};

const MS_PER_DAY = 86_400_000;

/** An instant on campaign day `day`: in the evening (18:30–21:30) or the working day (08:30–17:00). */
function visitTime(calendar: CampaignCalendar, day1: number, day: number, evening: boolean, rng: Rng): Date {
  const minute = evening ? rng.int(18 * 60 + 30, 21 * 60 + 29) : rng.int(8 * 60 + 30, 16 * 60 + 59);
  // Shanghai has no daylight saving: campaign days are whole 24-hour steps from day 1's midnight.
  const at = day1 + (day - 1) * MS_PER_DAY + minute * 60_000;
  return new Date(Math.min(at, calendar.now.getTime() - 60_000));
}

export function buildFieldWork(
  world: SeedWorld,
  events: readonly SeedEvent[],
  calendar: CampaignCalendar,
  actors: ReadonlyMap<string, Actor>,
  rng: Rng,
): SeedFieldWork {
  const cadresByTeam = new Map<string, SeedCadre[]>();
  for (const c of world.cadres) {
    const list = cadresByTeam.get(c.team.id);
    if (list) list.push(c);
    else cadresByTeam.set(c.team.id, [c]);
  }
  const cadreOf = (h: SeedHousehold): SeedCadre | null => {
    const list = cadresByTeam.get(h.team.id);
    return list && list.length > 0 ? rng.pick(list) : null;
  };
  const actorOf = (h: SeedHousehold): Actor =>
    actors.get(h.team.plan.code) ?? { subject: `seed:${h.team.plan.code}`, membershipId: null };

  const day1 = dayStart(calendar, 1).getTime();
  const campaignDayOf = (at: Date): number => Math.floor((at.getTime() - day1) / MS_PER_DAY) + 1;
  const creditOf = new Map<string, string>();
  const visits: SeedVisit[] = [];
  const eventsByHousehold = new Map<string, SeedEvent[]>();
  for (const e of events) {
    const list = eventsByHousehold.get(e.household.id);
    if (list) list.push(e);
    else eventsByHousehold.set(e.household.id, [e]);
  }
  const addVisit = (h: SeedHousehold, day: number, purpose: VisitPurpose, cadre: SeedCadre | null) => {
    const evening = EVENING_TEAMS.has(h.team.plan.code) ? rng.chance(0.85) : rng.chance(0.3);
    const visitedAt = visitTime(calendar, day1, Math.max(1, Math.min(day, calendar.today)), evening, rng);
    visits.push({
      id: randomUUID(),
      household: h,
      cadreId: cadre?.id ?? null,
      visitedAt,
      metWith: rng.pick(MET_WITH),
      purpose,
      outcome: OUTCOME[purpose],
      nextStep: NEXT_STEP[purpose],
      offHours: isOffHours(visitedAt, DEFAULT_WORKING_HOURS),
      actor: actorOf(h),
      key: `seed-visit-${h.code}-${visits.length}`,
    });
  };

  for (const h of world.households) {
    const cadre = cadreOf(h);
    // The evening groups' story in full; elsewhere a sparser log, so that scale 6 still seeds quickly.
    const rate = EVENING_TEAMS.has(h.team.plan.code) ? 1 : 0.4;
    const surveyDay = campaignDayOf(h.surveyedAt);
    if (surveyDay >= 1 && rng.chance(0.5 * rate)) addVisit(h, surveyDay, 'SOCIAL_RELATIONS_SURVEY', cadre);
    for (const e of eventsByHousehold.get(h.id) ?? []) {
      if (cadre && (e.toStage === Stage.MEASURED || e.toStage === Stage.SIGNED)) creditOf.set(e.id, cadre.id);
      const purpose = PURPOSE_BEFORE[e.toStage];
      // The evening before a measurement or signing, the team has usually been round (约丈量, 谈签约).
      if (purpose && rng.chance(0.6 * rate))
        addVisit(h, campaignDayOf(e.occurredAt) - rng.int(0, 2), purpose, cadre);
    }
    if (h.stage === Stage.SURVEYED && rng.chance(0.4 * rate))
      addVisit(h, calendar.today - rng.int(0, 5), 'POLICY_EXPLANATION', cadre);
  }
  visits.sort((a, b) => a.visitedAt.getTime() - b.visitedAt.getTime());

  return { visits, disputes: buildDisputes(world, calendar, cadresByTeam, actorOf, rng), creditOf };
}

const DISPUTE_STORIES: readonly [DisputeCategory, string][] = [
  ['OWNERSHIP_INHERITANCE', '兄弟三人对祖宅继承份额有争议'],
  ['BOUNDARY_AREA', '与邻户对院墙四至有分歧'],
  ['COMPENSATION_AMOUNT', '对附属物评估价格有异议'],
  ['FAMILY_DISAGREEMENT', '老人愿签约,在外子女不同意'],
  ['RESETTLEMENT', '希望安置房选在同一楼栋'],
  ['OTHER', '祖坟迁移时间未定'],
];

/** One per ~400 households elsewhere; the evening groups' six in 白塘: four resolved, one mediating, one escalated. */
function buildDisputes(
  world: SeedWorld,
  calendar: CampaignCalendar,
  cadresByTeam: ReadonlyMap<string, SeedCadre[]>,
  actorOf: (h: SeedHousehold) => Actor,
  rng: Rng,
): SeedDispute[] {
  const disputes: SeedDispute[] = [];
  const open = (h: SeedHousehold, story: number, state: DisputeState) => {
    const [category, note] = DISPUTE_STORIES[story % DISPUTE_STORIES.length]!;
    const mediatorCadre = rng.pick(cadresByTeam.get(h.team.id) ?? [null]);
    const openedDay = rng.int(3, Math.max(3, calendar.today - 6));
    const openedAt = new Date(dayStart(calendar, openedDay).getTime() + rng.int(19 * 60, 21 * 60) * 60_000);
    const mediationStartedAt =
      state === 'OPEN' ? null : new Date(openedAt.getTime() + rng.int(2, 30) * 3_600_000);
    const closedAt =
      state === 'RESOLVED' || state === 'ESCALATED'
        ? new Date(mediationStartedAt!.getTime() + rng.int(6, 96) * 3_600_000)
        : null;
    disputes.push({
      id: randomUUID(),
      household: h,
      category,
      state,
      mediator: mediatorCadre?.name ?? '村调委会',
      mediatorCadreId: mediatorCadre?.id ?? null,
      notes: `[${openedAt.toISOString()}] ${note}`,
      openedAt,
      mediationStartedAt,
      closedAt: closedAt && closedAt.getTime() > calendar.now.getTime() ? calendar.now : closedAt,
      actor: actorOf(h),
      key: `seed-dispute-${disputes.length}`,
    });
  };
  const evening = world.households.filter((h) => EVENING_TEAMS.has(h.team.plan.code));
  const evStates: DisputeState[] = ['ESCALATED', 'RESOLVED', 'RESOLVED', 'RESOLVED', 'RESOLVED', 'MEDIATING'];
  evStates.forEach((state, i) => open(evening[(i * 37) % evening.length]!, i, state));
  const others = world.households.filter((h) => !EVENING_TEAMS.has(h.team.plan.code));
  for (let i = 0; i < Math.ceil(others.length / 400); i += 1) {
    open(
      others[(i * 397) % others.length]!,
      i + 2,
      rng.weighted(['OPEN', 'MEDIATING', 'RESOLVED'], [1, 2, 5]),
    );
  }
  return disputes;
}
