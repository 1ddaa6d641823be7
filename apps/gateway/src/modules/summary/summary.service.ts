import { shanghaiDate } from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { assertCan, requirePrincipal } from '../../guards.js';
import { fulfilment, groupBy, rollUp } from './summary.rollup.js';
import type { DailySummary, SummaryRollup, SummaryRun, TeamDaySummary } from './summary.types.js';

declare module '../../context.js' {
  interface Services {
    readonly summaryReads: SummaryService;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Row = Omit<TeamDaySummary, 'team' | 'fulfilment'>;
const COLUMNS = `s.id, to_char(s.day, 'YYYY-MM-DD') AS day, s.team_id AS "teamId", s.township_id AS "townshipId",
  s.headquarters_id AS "headquartersId", s.visits, s.off_hours_visits AS "offHoursVisits", s.measurements,
  s.assessments, s.signings, s.signed_area_m2::float8 AS "signedAreaM2", s.disputes_opened AS "disputesOpened",
  s.disputes_resolved AS "disputesResolved", s.planned_measure AS "plannedMeasure",
  s.planned_assess AS "plannedAssess", s.fulfilled_measure AS "fulfilledMeasure",
  s.fulfilled_assess AS "fulfilledAssess", s.computed_at AS "computedAt"`;

function checkDay(day: string): string {
  if (!DAY.test(day)) {
    throw publicError(ErrorCode.BAD_USER_INPUT, {
      zh: '日期格式应为 YYYY-MM-DD',
      en: 'day must be YYYY-MM-DD',
    });
  }
  return day;
}

/** Reads of tonight's summary (RLS decides which teams' rows), and the on-demand run. */
export class SummaryService {
  async daily(ctx: GatewayContext, day: string | null): Promise<DailySummary> {
    const p = requirePrincipal(ctx);
    assertCan(p, 'summary:read');
    const [run] = await ctx.tx.query<{ day: string; ranAt: Date | null }>(
      day === null
        ? `SELECT to_char(day, 'YYYY-MM-DD') AS day, finished_at AS "ranAt" FROM summary_run
           WHERE finished_at IS NOT NULL ORDER BY day DESC LIMIT 1`
        : `SELECT to_char(day, 'YYYY-MM-DD') AS day, finished_at AS "ranAt" FROM summary_run WHERE day = $1::date`,
      day === null ? [] : [checkDay(day)],
    );
    const theDay = day ?? run?.day ?? shanghaiDate(new Date());
    const teams = await this.withTeams(
      ctx,
      await ctx.tx.query<Row>(`SELECT ${COLUMNS} FROM team_day_summary s WHERE s.day = $1::date`, [theDay]),
    );
    const catalogue = ctx.services.catalogue;
    const townships: SummaryRollup[] = [];
    for (const [id, rows] of groupBy(teams, (t) => t.townshipId)) {
      const t = catalogue.township(id);
      if (t) townships.push(rollUp('TOWNSHIP', t.code, t.nameZh, rows));
    }
    const headquarters: SummaryRollup[] = [];
    for (const [id, rows] of groupBy(teams, (t) => t.headquartersId)) {
      const hq = catalogue.headquartersOf(id);
      if (hq) headquarters.push(rollUp('HEADQUARTERS', hq.code, hq.nameZh, rows));
    }
    const byCode = (a: SummaryRollup, b: SummaryRollup) => a.scopeCode.localeCompare(b.scopeCode);
    return {
      day: theDay,
      ranAt: run?.ranAt ?? null,
      teams,
      townships: townships.sort(byCode),
      headquarters: headquarters.sort(byCode),
      total: rollUp('DISTRICT', p.tenantCode, p.tenantKind === 'district' ? '涵江区' : p.tenantCode, teams),
    };
  }

  async byId(ctx: GatewayContext, id: string): Promise<TeamDaySummary> {
    assertCan(requirePrincipal(ctx), 'summary:read');
    const rows = UUID.test(id)
      ? await ctx.tx.query<Row>(`SELECT ${COLUMNS} FROM team_day_summary s WHERE s.id = $1`, [id])
      : [];
    const [found] = await this.withTeams(ctx, rows);
    if (!found) {
      throw publicError(ErrorCode.NOT_FOUND, { zh: '汇总记录不存在或您无权查看', en: 'Summary not found' });
    }
    return found;
  }

  /** Counts `day` (today when omitted) now, in its own transaction under the district's scope. */
  async runNow(ctx: GatewayContext, day: string | null): Promise<SummaryRun> {
    const p = requirePrincipal(ctx);
    assertCan(p, 'summary:run');
    const today = shanghaiDate(new Date());
    const theDay = day === null ? today : checkDay(day);
    if (theDay > today) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: `不能汇总尚未到来的日期(${theDay})`,
        en: `Cannot summarise a day still to come (${theDay})`,
      });
    }
    // A commander re-counts the teams of its own scope (home township or headquarters), never another tenant's rows.
    let teamIds: string[] | null = null;
    if (p.tenantKind !== 'district') {
      const tenant =
        ctx.services.catalogue.townshipByCode(p.tenantCode) ??
        ctx.services.catalogue.headquartersByCode(p.tenantCode);
      const rows = await ctx.tx.query<{ id: string }>(
        'SELECT id FROM work_team WHERE township_id = $1 OR headquarters_id = $1',
        [tenant?.id ?? null],
      );
      teamIds = rows.map((r) => r.id);
    }
    const result = await ctx.services.summaries.run(theDay, 'DEMAND', p.subject, teamIds);
    return { day: theDay, ran: result.ran, teams: result.teams };
  }

  private async withTeams(ctx: GatewayContext, rows: Row[]): Promise<TeamDaySummary[]> {
    const teams = await ctx.loaders.team.loadMany(rows.map((r) => r.teamId));
    const out = rows.flatMap((row, n) => {
      const team = teams[n];
      return team && !(team instanceof Error) ? [{ ...row, team: team, fulfilment: fulfilment(row) }] : [];
    });
    const hqCode = (t: TeamDaySummary) => ctx.services.catalogue.headquartersOf(t.headquartersId)?.code ?? '';
    return out.sort((a, b) => hqCode(a).localeCompare(hqCode(b)) || a.team.code.localeCompare(b.team.code));
  }
}
