import {
  addDays,
  checkPlanDay,
  type PlanHouseholdFacts,
  type PlanProblem,
  shanghaiDate,
  type Stage,
  validatePlan,
} from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { assertCan, requirePrincipal } from '../../guards.js';
import type { PlanTeamDayInput } from './plan.inputs.js';
import type { TeamPlan, TeamPlanItem } from './plan.types.js';

declare module '../../context.js' {
  interface Services {
    readonly plans: PlanService;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type PlanRow = { id: string; teamId: string; day: string; plannedBy: string; updatedAt: Date };
const PLAN_COLUMNS = `p.id, p.team_id AS "teamId", to_char(p.day, 'YYYY-MM-DD') AS day, p.planned_by AS "plannedBy",
  p.updated_at AS "updatedAt"`;

function notFound(what: string) {
  return publicError(ErrorCode.NOT_FOUND, {
    zh: `${what}不存在或您无权查看`,
    en: `${what === '计划' ? 'Plan' : 'Team'} not found`,
  });
}

function refused(problems: readonly PlanProblem[]) {
  return publicError(
    ErrorCode.BAD_USER_INPUT,
    { zh: problems.map((p) => p.messageZh).join(';'), en: problems.map((p) => p.messageEn).join('; ') },
    {
      problems: problems.map((p) => ({
        index: p.index,
        householdId: p.householdId,
        messageZh: p.messageZh,
        messageEn: p.messageEn,
      })),
    },
  );
}

/** Tomorrow's plan: made by the team lead, checked against the stage machine, read within the caller's scope. */
export class PlanService {
  async planDay(ctx: GatewayContext, input: PlanTeamDayInput): Promise<TeamPlan> {
    const p = requirePrincipal(ctx);
    const team = UUID.test(input.teamId) ? await ctx.loaders.team.load(input.teamId) : null;
    if (!team) throw notFound('工作组');
    assertCan(p, 'plan:write', {
      teamId: team.id,
      homeTownshipCode: ctx.services.catalogue.township(team.homeTownshipId)?.code ?? null,
      headquartersCode: ctx.services.catalogue.headquartersOf(team.headquartersId)?.code ?? '',
    });
    const today = shanghaiDate(new Date());
    const day = input.day ?? addDays(today, 1);
    const dayProblem = DAY.test(day)
      ? checkPlanDay(day, today)
      : { zh: `日期格式应为 YYYY-MM-DD:${day}`, en: `Not a date (YYYY-MM-DD): ${day}` };
    const facts = await this.facts(
      ctx,
      input.items.map((i) => i.householdId),
    );
    const problems = [
      ...(dayProblem
        ? [{ index: null, householdId: null, messageZh: dayProblem.zh, messageEn: dayProblem.en }]
        : []),
      ...validatePlan(team.id, input.items, facts),
    ];
    if (problems.length > 0) throw refused(problems);
    const [plan] = await ctx.tx.query<{ id: string }>(
      `INSERT INTO team_plan (team_id, township_id, headquarters_id, day, planned_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (team_id, day) DO UPDATE SET planned_by = EXCLUDED.planned_by, updated_at = now() RETURNING id`,
      [team.id, team.homeTownshipId, team.headquartersId, day, p.subject],
    );
    await ctx.tx.query('DELETE FROM team_plan_item WHERE plan_id = $1', [plan!.id]);
    await ctx.tx.query(
      `INSERT INTO team_plan_item (plan_id, household_id, team_id, township_id, headquarters_id, action, assessment_group)
       SELECT $1, i.household_id, $2, $3, $4, i.action, NULLIF(btrim(i.grp), '')
       FROM unnest($5::uuid[], $6::text[], $7::text[]) AS i (household_id, action, grp)`,
      [
        plan!.id,
        team.id,
        team.homeTownshipId,
        team.headquartersId,
        input.items.map((i) => i.householdId),
        input.items.map((i) => i.action),
        input.items.map((i) => i.assessmentGroup ?? null),
      ],
    );
    return this.byId(ctx, plan!.id);
  }

  async byId(ctx: GatewayContext, id: string): Promise<TeamPlan> {
    assertCan(requirePrincipal(ctx), 'summary:read');
    const rows = UUID.test(id)
      ? await ctx.tx.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM team_plan p WHERE p.id = $1`, [id])
      : [];
    if (!rows[0]) throw notFound('计划');
    const [plan] = await this.withItems(ctx, rows);
    if (!plan) throw notFound('计划');
    return plan;
  }

  async forDay(ctx: GatewayContext, day: string): Promise<TeamPlan[]> {
    assertCan(requirePrincipal(ctx), 'summary:read');
    if (!DAY.test(day))
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: '日期格式应为 YYYY-MM-DD',
        en: 'day must be YYYY-MM-DD',
      });
    const rows = await ctx.tx.query<PlanRow>(
      `SELECT ${PLAN_COLUMNS} FROM team_plan p WHERE p.day = $1::date ORDER BY p.team_id`,
      [day],
    );
    return this.withItems(ctx, rows);
  }

  private async withItems(ctx: GatewayContext, rows: PlanRow[]): Promise<TeamPlan[]> {
    if (rows.length === 0) return [];
    const items = await ctx.tx.query<TeamPlanItem & { planId: string }>(
      `SELECT i.plan_id AS "planId", i.household_id AS "householdId", h.code AS "householdCode", i.action,
              i.assessment_group AS "assessmentGroup"
       FROM team_plan_item i JOIN household h ON h.id = i.household_id
       WHERE i.plan_id = ANY($1::uuid[]) ORDER BY i.action DESC, h.code`,
      [rows.map((r) => r.id)],
    );
    const teams = await ctx.loaders.team.loadMany(rows.map((r) => r.teamId));
    return rows.flatMap((row, n) => {
      const team = teams[n];
      if (!team || team instanceof Error) return [];
      return [
        {
          ...row,
          team: team,
          items: items
            .filter((i) => i.planId === row.id)
            .map(({ planId: _, ...i }) => ({ ...i, action: i.action })),
        },
      ];
    });
  }

  /** Stage and team of each visible household named (RLS hides the rest: they come back absent). */
  private async facts(ctx: GatewayContext, ids: readonly string[]): Promise<Map<string, PlanHouseholdFacts>> {
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (wanted.length === 0) return new Map();
    const rows = await ctx.tx.query<{ id: string; code: string; stage: Stage; teamId: string | null }>(
      `SELECT h.id, h.code, h.stage, h.team_id AS "teamId" FROM household h WHERE h.id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, { code: r.code, stage: r.stage, teamId: r.teamId }]));
  }
}
