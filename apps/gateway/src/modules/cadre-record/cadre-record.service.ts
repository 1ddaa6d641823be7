import { FIELD_TEXT_MAX_LENGTH } from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { requireText, requireUuid } from '../../errors/bad-input.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { assertCan, requirePrincipal } from '../../guards.js';
import type { CadreRecord, ReserveNomination, TeamInspectionResult } from './cadre-record.types.js';
import { CADRE_COLUMNS, type Cadre } from './cadre.types.js';

type CountsRow = Cadre & Omit<CadreRecord, 'cadre' | 'teamInspections' | 'teamId'>;

// One statement for a whole team: each count is an index lookup on the cadre's id, under the caller's RLS.
const RECORDS = `SELECT ${CADRE_COLUMNS},
    (SELECT count(*) FROM visit v WHERE v.cadre_id = c.id)::int AS visits,
    (SELECT count(*) FROM visit v WHERE v.cadre_id = c.id AND v.off_hours)::int AS "offHoursVisits",
    (SELECT count(*) FROM household_event e WHERE e.cadre_id = c.id AND e.kind = 'ADVANCE'
       AND e.to_stage = 'MEASURED')::int AS measurements,
    (SELECT count(*) FROM household_event e WHERE e.cadre_id = c.id AND e.kind = 'ADVANCE'
       AND e.to_stage = 'SIGNED')::int AS signings,
    (SELECT count(*) FROM dispute d WHERE d.mediator_cadre_id = c.id AND d.state = 'RESOLVED')::int
       AS "disputesResolved"
  FROM cadre c`;

const NOMINATION_COLUMNS = `r.id, r.reason, r.nominated_by AS "nominatedBy", r.nominated_at AS "nominatedAt",
  r.cadre_id AS "cadreId"`;

declare module '../../context.js' {
  interface Services {
    readonly cadreRecords: CadreRecordService;
  }
}

/** Cadre records (干部档案) and the reserve pool (后备干部库). */
export class CadreRecordService {
  async forTeam(ctx: GatewayContext, teamId: string): Promise<CadreRecord[]> {
    const rows = await ctx.tx.query<CountsRow>(`${RECORDS} WHERE c.team_id = $1 ORDER BY c.name_zh, c.id`, [
      requireUuid(teamId, 'teamId'),
    ]);
    return this.withInspections(ctx, rows);
  }

  async forCadre(ctx: GatewayContext, cadreId: string): Promise<CadreRecord | null> {
    const rows = await ctx.tx.query<CountsRow>(`${RECORDS} WHERE c.id = $1`, [
      requireUuid(cadreId, 'cadreId'),
    ]);
    return (await this.withInspections(ctx, rows))[0] ?? null;
  }

  async nominate(ctx: GatewayContext, cadreId: string, reasonText: string): Promise<ReserveNomination> {
    const p = requirePrincipal(ctx);
    assertCan(p, 'reserve:nominate');
    const id = requireUuid(cadreId, 'cadreId');
    const reason = requireText(reasonText, 'reason', 1, FIELD_TEXT_MAX_LENGTH)!;
    const [row] = await ctx.tx.query<ReserveNomination>(
      `INSERT INTO reserve_nomination AS r (cadre_id, township_id, headquarters_id, reason, nominated_by)
       SELECT c.id, c.township_id, c.headquarters_id, $2, $3 FROM cadre c WHERE c.id = $1
       ON CONFLICT (cadre_id) DO NOTHING RETURNING ${NOMINATION_COLUMNS}`,
      [id, reason, p.subject],
    );
    if (row) return row;
    const [existing] = await ctx.tx.query<ReserveNomination>(
      `SELECT ${NOMINATION_COLUMNS} FROM reserve_nomination r WHERE r.cadre_id = $1`,
      [id],
    );
    if (!existing) throw publicError(ErrorCode.NOT_FOUND);
    throw publicError(
      ErrorCode.CONFLICT,
      { zh: '该干部已在后备干部库中', en: 'The cadre is already in the reserve pool' },
      { nominationId: existing.id },
    );
  }

  /** The pool: refused outright to anyone outside the district (RLS would also answer nothing). */
  async pool(ctx: GatewayContext): Promise<ReserveNomination[]> {
    assertCan(requirePrincipal(ctx), 'reserve:read');
    return ctx.tx.query<ReserveNomination>(
      `SELECT ${NOMINATION_COLUMNS} FROM reserve_nomination r ORDER BY r.nominated_at DESC, r.id`,
    );
  }

  private async withInspections(ctx: GatewayContext, rows: CountsRow[]): Promise<CadreRecord[]> {
    if (rows.length === 0) return [];
    const teamIds = [...new Set(rows.map((r) => r.teamId))];
    const results = await ctx.tx.query<TeamInspectionResult & { teamId: string }>(
      `SELECT team_id AS "teamId", period, score, rank, "of" FROM (
         SELECT i.team_id, i.period, i.score::float8 AS score,
           rank() OVER (PARTITION BY i.period ORDER BY i.score DESC)::int AS rank,
           count(*) OVER (PARTITION BY i.period)::int AS "of"
         FROM inspection i WHERE i.target_kind = 'team') ranked
       WHERE team_id = ANY($1::uuid[]) ORDER BY period`,
      [teamIds],
    );
    return rows.map(({ visits, offHoursVisits, measurements, signings, disputesResolved, ...cadre }) => ({
      cadre,
      teamId: cadre.teamId,
      visits,
      offHoursVisits,
      measurements,
      signings,
      disputesResolved,
      teamInspections: results.filter((r) => r.teamId === cadre.teamId),
    }));
  }
}
