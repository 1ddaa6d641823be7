import type { Principal } from '@hanjiang/authz';
import {
  DEFAULT_WORKING_HOURS,
  FIELD_TEXT_MAX_LENGTH,
  isOffHours,
  type WorkingHours,
} from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { badInput, requireText, requireUuid } from '../../errors/bad-input.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { assertCan, requirePrincipal } from '../../guards.js';
import { checkIdempotencyKey, replayOrRefuse, requestHash } from '../../errors/idempotency.js';
import { householdScope, readHouseholdScope } from '../household/household.scope.js';
import type { RecordVisitInput, VisitFilter } from './visit.inputs.js';
import { VISIT_COLUMNS, type Visit, type VisitSummary } from './visit.types.js';

/** A phone may be a few minutes fast; more than this in the future is a wrong clock, not a visit. */
const FUTURE_SKEW_MS = 10 * 60 * 1000;
/** Offline for weeks is possible; a visit older than this is a typing error. */
const OLDEST_MS = 180 * 24 * 60 * 60 * 1000;
export const MAX_VISITS_PAGE = 200;

declare module '../../context.js' {
  interface Services {
    readonly visits: VisitService;
  }
}

/** The visit log: recorded by whoever works the household, read like the household. */
export class VisitService {
  /** `workingHours`: the deployment's working day (WORKING_HOURS); visits outside it are off-hours. */
  constructor(private readonly workingHours: WorkingHours = DEFAULT_WORKING_HOURS) {}

  async record(ctx: GatewayContext, input: RecordVisitInput): Promise<Visit> {
    const p = requirePrincipal(ctx);
    const key = checkIdempotencyKey(input.idempotencyKey);
    const householdId = requireUuid(input.householdId, 'householdId');
    const cadreId = input.cadreId ? requireUuid(input.cadreId, 'cadreId') : null;
    const metWith = requireText(input.metWith, 'metWith', 1, 200)!;
    const outcome = requireText(input.outcome, 'outcome', 1, FIELD_TEXT_MAX_LENGTH)!;
    const nextStep = requireText(input.nextStep, 'nextStep', 0, FIELD_TEXT_MAX_LENGTH);
    const visitedAt = input.visitedAt;
    const hash = requestHash('visit', {
      householdId,
      visitedAt,
      metWith,
      purpose: input.purpose,
      outcome,
      nextStep,
      cadreId,
    });
    // A retry first: the phone may resend after the household moved to another team.
    const previous = await this.byKey(ctx, p, key);
    if (previous) return replayOrRefuse(previous, hash);

    const household = await readHouseholdScope(ctx.tx, householdId);
    if (!household) throw publicError(ErrorCode.NOT_FOUND);
    assertCan(p, 'visit:record', householdScope(household, ctx.services.catalogue));
    const now = Date.now();
    if (Number.isNaN(visitedAt.getTime()) || visitedAt.getTime() > now + FUTURE_SKEW_MS) {
      throw badInput(
        { zh: '走访时间不能晚于当前时间', en: 'visitedAt cannot be in the future' },
        { fields: ['visitedAt'] },
      );
    }
    if (visitedAt.getTime() < now - OLDEST_MS) {
      throw badInput(
        { zh: '走访时间不能早于 180 天前', en: 'visitedAt cannot be more than 180 days ago' },
        { fields: ['visitedAt'] },
      );
    }
    if (cadreId) await this.checkCadre(ctx, cadreId, household.teamId);

    const [row] = await ctx.tx.query<Visit>(
      `INSERT INTO visit AS v (township_id, headquarters_id, team_home_township_id, household_id, team_id, cadre_id,
         visited_at, met_with, purpose, outcome, next_step, off_hours, actor_subject, membership_id, idempotency_key,
         request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (actor_subject, idempotency_key) DO NOTHING RETURNING ${VISIT_COLUMNS}`,
      [
        household.townshipId,
        household.headquartersId,
        household.teamHomeTownshipId,
        household.id,
        household.teamId,
        cadreId,
        visitedAt,
        metWith,
        input.purpose,
        outcome,
        nextStep,
        isOffHours(visitedAt, this.workingHours),
        p.subject,
        p.membershipId,
        key,
        hash,
      ],
    );
    if (row) return row;
    // A concurrent retry committed first (ON CONFLICT waited for it): answer as that retry did.
    const raced = await this.byKey(ctx, p, key);
    if (!raced) throw publicError(ErrorCode.CONFLICT);
    return replayOrRefuse(raced, hash);
  }

  async list(ctx: GatewayContext, filter: VisitFilter | null, first: number): Promise<Visit[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_VISITS_PAGE) {
      throw badInput(
        { zh: `first 须为 1 到 ${MAX_VISITS_PAGE} 之间的整数`, en: `first must be 1–${MAX_VISITS_PAGE}` },
        { fields: ['first'] },
      );
    }
    const householdId = filter?.householdId ? requireUuid(filter.householdId, 'householdId') : null;
    const teamId = filter?.teamId ? requireUuid(filter.teamId, 'teamId') : null;
    return ctx.tx.query<Visit>(
      `SELECT ${VISIT_COLUMNS} FROM visit v
       WHERE ($1::uuid IS NULL OR v.household_id = $1) AND ($2::uuid IS NULL OR v.team_id = $2)
         AND ($3::timestamptz IS NULL OR v.visited_at >= $3) AND ($4::timestamptz IS NULL OR v.visited_at < $4)
         AND ($5::boolean IS NULL OR v.off_hours = $5)
       ORDER BY v.visited_at DESC, v.id LIMIT $6`,
      [householdId, teamId, filter?.since ?? null, filter?.until ?? null, filter?.offHours ?? null, first],
    );
  }

  /** Counts with the same filter as `list` (no page): what the nightly summary and the boards count. */
  async summary(ctx: GatewayContext, filter: VisitFilter | null): Promise<VisitSummary> {
    const householdId = filter?.householdId ? requireUuid(filter.householdId, 'householdId') : null;
    const teamId = filter?.teamId ? requireUuid(filter.teamId, 'teamId') : null;
    const [row] = await ctx.tx.query<VisitSummary>(
      `SELECT count(*)::int AS visits, count(*) FILTER (WHERE v.off_hours)::int AS "offHoursVisits",
         count(DISTINCT v.household_id)::int AS households FROM visit v
       WHERE ($1::uuid IS NULL OR v.household_id = $1) AND ($2::uuid IS NULL OR v.team_id = $2)
         AND ($3::timestamptz IS NULL OR v.visited_at >= $3) AND ($4::timestamptz IS NULL OR v.visited_at < $4)
         AND ($5::boolean IS NULL OR v.off_hours = $5)`,
      [householdId, teamId, filter?.since ?? null, filter?.until ?? null, filter?.offHours ?? null],
    );
    return row!;
  }

  private async byKey(ctx: GatewayContext, p: Principal, key: string): Promise<Visit | null> {
    const [row] = await ctx.tx.query<Visit>(
      `SELECT ${VISIT_COLUMNS} FROM visit v WHERE v.actor_subject = $1 AND v.idempotency_key = $2`,
      [p.subject, key],
    );
    return row ?? null;
  }

  /** The credited cadre must be one of the household's team: credit follows the work. */
  private async checkCadre(ctx: GatewayContext, cadreId: string, teamId: string | null): Promise<void> {
    const [row] = await ctx.tx.query<{ ok: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM cadre WHERE id = $1 AND team_id = $2) AS ok`,
      [cadreId, teamId],
    );
    if (!row?.ok) {
      throw badInput(
        { zh: '所填干部不是该户所属工作组的成员', en: 'cadreId must be a cadre of the household’s team' },
        { fields: ['cadreId'] },
      );
    }
  }
}
