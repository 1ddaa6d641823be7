import { DEFAULT_AWARD_LOSS_LAST_PLACES, losesAwardEligibility } from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import type { Team } from '../catalog/catalog.types.js';
import type { RecordInspectionInput } from './inspection.inputs.js';
import { checkItems, checkNote, checkScore } from './inspection.items.js';
import { canonicalPeriod, parsePeriod } from './inspection.period.js';
import { rankInspections } from './inspection.ranking.js';
import { type Inspection, type InspectionRanking, InspectionTargetKind } from './inspection.types.js';
import { assertCan, requirePrincipal } from '../../guards.js';

declare module '../../context.js' {
  interface Services {
    readonly inspections: InspectionService;
  }
}

type InspectionRow = Omit<Inspection, 'headquarters' | 'team'>;

const COLUMNS = `i.id, i.period, i.target_kind AS "targetKind", i.headquarters_id AS "headquartersId",
  i.team_id AS "teamId", i.score::float8 AS score, i.items, i.note, i.recorded_by AS "recordedBy",
  i.recorded_at AS "recordedAt"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 四察四看: the supervision group records scores; every signed-in caller may read the rankings. */
export class InspectionService {
  /** `awardLossLastPlaces`: periods ranked last that cost a unit its award eligibility (AWARD_LOSS_LAST_PLACES). */
  constructor(private readonly awardLossLastPlaces: number = DEFAULT_AWARD_LOSS_LAST_PLACES) {}

  async record(ctx: GatewayContext, input: RecordInspectionInput): Promise<Inspection> {
    const p = requirePrincipal(ctx);
    assertCan(p, 'inspection:record');
    const hq = ctx.services.catalogue.headquartersByCode(input.headquartersCode);
    if (!hq) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: `未知的指挥部“${input.headquartersCode}”`,
        en: `Unknown headquarters "${input.headquartersCode}"`,
      });
    }
    const team = await this.target(ctx, input, hq.id);
    const period = parsePeriod(input.period);
    checkScore(input.score);
    const items = checkItems(input.items, input.score);
    const [row] = await ctx.tx.query<InspectionRow>(
      `INSERT INTO inspection AS i (township_id, headquarters_id, target_kind, team_id, period, score, items, note,
         recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [
        team?.homeTownshipId ?? null,
        hq.id,
        input.targetKind,
        team?.id ?? null,
        period.text,
        input.score.toFixed(2),
        JSON.stringify(items),
        checkNote(input.note),
        p.subject,
      ],
    );
    if (!row) {
      const [existing] = await ctx.tx.query<{ id: string; score: number }>(
        `SELECT i.id, i.score::float8 AS score FROM inspection i WHERE i.target_kind = $1 AND i.headquarters_id = $2
           AND i.team_id IS NOT DISTINCT FROM $3 AND i.period = $4`,
        [input.targetKind, hq.id, team?.id ?? null, period.text],
      );
      throw publicError(
        ErrorCode.CONFLICT,
        {
          zh: `该单位在 ${period.text} 已有考评记录`,
          en: `This target already has an inspection for ${period.text}`,
        },
        { inspectionId: existing?.id ?? null, score: existing?.score ?? null },
      );
    }
    return { ...row, headquarters: hq, team };
  }

  async rankings(
    ctx: GatewayContext,
    targetKind: InspectionTargetKind,
    period: string | null,
    window: number,
  ): Promise<InspectionRanking[]> {
    assertCan(requirePrincipal(ctx), 'inspection:read');
    if (!Number.isInteger(window) || window < 1 || window > 52) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: 'window 须为 1 到 52 之间的整数',
        en: 'window must be an integer from 1 to 52',
      });
    }
    const rows = await ctx.tx.query<InspectionRow>(
      `SELECT ${COLUMNS} FROM inspection i WHERE i.target_kind = $1 ORDER BY i.period, i.id`,
      [targetKind],
    );
    const wanted = period === null ? null : canonicalPeriod(period).text;
    const ranked = rankInspections(rows, wanted, window);
    // The same ranking over every period so far: last places add up over the year for award eligibility.
    const threshold = this.awardLossLastPlaces;
    const totals = new Map(
      rankInspections(rows, wanted, Number.MAX_SAFE_INTEGER).map((r) => [r.id, r.lastPlaceCount] as const),
    );
    const teams = await ctx.loaders.team.loadMany(ranked.flatMap((r) => (r.teamId ? [r.teamId] : [])));
    const teamById = new Map(teams.flatMap((t) => (t && !(t instanceof Error) ? [[t.id, t] as const] : [])));
    return ranked.flatMap((r) => {
      const headquarters = ctx.services.catalogue.headquartersOf(r.headquartersId);
      const lastPlaceTotal = totals.get(r.id) ?? 0;
      return headquarters
        ? [
            {
              ...r,
              headquarters,
              team: r.teamId ? (teamById.get(r.teamId) ?? null) : null,
              lastPlaceTotal,
              losesAwardEligibility: losesAwardEligibility(lastPlaceTotal, threshold),
            },
          ]
        : [];
    });
  }

  /** The team of a TEAM target (in that headquarters), or null for a HEADQUARTERS target. */
  private async target(
    ctx: GatewayContext,
    input: RecordInspectionInput,
    hqId: string,
  ): Promise<Team | null> {
    if (input.targetKind === InspectionTargetKind.HEADQUARTERS) {
      if (input.teamId) {
        throw publicError(ErrorCode.BAD_USER_INPUT, {
          zh: '考评指挥部时不能指定工作组',
          en: 'teamId is only for TEAM inspections',
        });
      }
      return null;
    }
    const team = input.teamId && UUID.test(input.teamId) ? await ctx.loaders.team.load(input.teamId) : null;
    if (!team || team.headquartersId !== hqId) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: '考评工作组时须指定该指挥部下的工作组',
        en: 'A TEAM inspection needs the id of a team of that headquarters',
      });
    }
    return team;
  }
}
