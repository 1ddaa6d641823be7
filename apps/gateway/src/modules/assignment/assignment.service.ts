import type { Principal } from '@hanjiang/authz';
import type { GatewayContext } from '../../context.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { encodeLiveEvent, LIVE_CHANNEL } from '../../live/live-events.js';
import { TEAM_COLUMNS, VILLAGE_COLUMNS } from '../catalog/catalog.loaders.js';
import type { Team, Village } from '../catalog/catalog.types.js';
import { type MovingHousehold, moveTeamCounters } from '../progress/progress.counters.js';
import type { TeamAssignmentInput } from './assignment.inputs.js';
import type { TeamAssignmentResult } from './assignment.types.js';
import { assertCan, requirePrincipal } from '../../guards.js';

declare module '../../context.js' {
  interface Services {
    readonly assignments: AssignmentService;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const MOVING_COLUMNS = `h.id, h.township_id AS "townshipId", h.headquarters_id AS "headquartersId",
  h.village_id AS "villageId", h.team_id AS "teamId", h.stage, h.building_area_m2::text AS "buildingAreaM2"`;

/**
 * Team ↔ village and team ↔ household assignments, by a commander of the team's headquarters or the district
 * admin. A household that changes team moves its counts between team scopes in the same transaction; its stage
 * and version are untouched (assignment is not a stage transition).
 */
export class AssignmentService {
  async assign(ctx: GatewayContext, input: TeamAssignmentInput): Promise<TeamAssignmentResult> {
    const p = requirePrincipal(ctx);
    const team = await this.authorizedTeam(ctx, p, input.teamId);
    const villages = await this.villages(ctx, team, input.villageIds ?? []);
    const added = villages.length
      ? await ctx.tx.query(
          `INSERT INTO team_village (team_id, village_id, township_id, headquarters_id, team_home_township_id)
           SELECT $1::uuid, v.id, v.township_id, v.headquarters_id, $2::uuid FROM village v WHERE v.id = ANY($3::uuid[])
           ORDER BY v.id ON CONFLICT DO NOTHING RETURNING village_id`,
          [team.id, team.homeTownshipId, villages.map((v) => v.id)],
        )
      : [];
    const households = await this.lockHouseholds(ctx, team, input.householdIds ?? []);
    const worked = new Set(
      (
        await ctx.tx.query<{ villageId: string }>(
          `SELECT village_id AS "villageId" FROM team_village WHERE team_id = $1`,
          [team.id],
        )
      ).map((r) => r.villageId),
    );
    const outside = households.filter((h) => !worked.has(h.villageId)).map((h) => h.id);
    if (outside.length > 0) {
      throw publicError(
        ErrorCode.BAD_USER_INPUT,
        {
          zh: '部分征迁户所在的村未分派给该工作组:请先(或同时)分派该村',
          en: 'Some households are in villages the team does not work: assign the village first (or in the same call)',
        },
        { householdIds: outside },
      );
    }
    const moved = await this.move(
      ctx,
      households.filter((h) => h.teamId !== team.id),
      team,
    );
    if (moved > 0) await this.notify(ctx);
    return this.result(ctx, team, added.length, moved);
  }

  async unassign(ctx: GatewayContext, input: TeamAssignmentInput): Promise<TeamAssignmentResult> {
    const p = requirePrincipal(ctx);
    const team = await this.authorizedTeam(ctx, p, input.teamId);
    const villages = await this.villages(ctx, team, input.villageIds ?? []);
    const named = await this.lockHouseholds(ctx, team, input.householdIds ?? []);
    // Taking a village from a team also takes the team's households there: a team keeps no household it no
    // longer works.
    const inVillages = villages.length
      ? await ctx.tx.query<MovingHousehold>(
          `SELECT ${MOVING_COLUMNS} FROM household h WHERE h.team_id = $1 AND h.village_id = ANY($2::uuid[])
           ORDER BY h.id FOR UPDATE`,
          [team.id, villages.map((v) => v.id)],
        )
      : [];
    const leaving = new Map(
      [...named, ...inVillages].filter((h) => h.teamId === team.id).map((h) => [h.id, h]),
    );
    const moved = await this.move(ctx, [...leaving.values()], null);
    const removed = villages.length
      ? await ctx.tx.query(
          `DELETE FROM team_village WHERE team_id = $1 AND village_id = ANY($2::uuid[]) RETURNING village_id`,
          [team.id, villages.map((v) => v.id)],
        )
      : [];
    if (moved > 0) await this.notify(ctx);
    return this.result(ctx, team, removed.length, moved);
  }

  private async authorizedTeam(ctx: GatewayContext, p: Principal, teamId: string): Promise<Team> {
    const [team] = UUID.test(teamId)
      ? await ctx.tx.query<Team>(
          `SELECT ${TEAM_COLUMNS} FROM work_team t LEFT JOIN district_unit u ON u.id = t.home_unit_id WHERE t.id = $1`,
          [teamId],
        )
      : [];
    if (!team)
      throw publicError(ErrorCode.NOT_FOUND, { zh: '工作组不存在', en: 'No such work team' }, { teamId });
    const headquartersCode = ctx.services.catalogue.headquartersOf(team.headquartersId)?.code ?? '';
    assertCan(p, 'team:assign', { headquartersCode });
    return team;
  }

  /** The villages named, each visible to the caller and in the team's headquarters. */
  private async villages(ctx: GatewayContext, team: Team, ids: readonly string[]): Promise<Village[]> {
    if (ids.length === 0) return [];
    const wanted = [...new Set(ids)];
    const rows = await ctx.tx.query<Village>(
      `SELECT ${VILLAGE_COLUMNS} FROM village v WHERE v.id = ANY($1::uuid[])`,
      [wanted.filter((id) => UUID.test(id))],
    );
    const missing = wanted.filter((id) => !rows.some((v) => v.id === id));
    if (missing.length > 0) {
      throw publicError(
        ErrorCode.NOT_FOUND,
        { zh: '村不存在或您无权查看', en: 'No such village (or not visible to you)' },
        {
          villageIds: missing,
        },
      );
    }
    const elsewhere = rows.filter((v) => v.headquartersId !== team.headquartersId).map((v) => v.id);
    if (elsewhere.length > 0) {
      throw publicError(
        ErrorCode.BAD_USER_INPUT,
        {
          zh: '村不在该工作组所属指挥部的片区内',
          en: 'The village is outside the team’s headquarters’ project area',
        },
        { villageIds: elsewhere },
      );
    }
    return rows;
  }

  /** The households named, locked in id order, each visible and in the team's headquarters. */
  private async lockHouseholds(
    ctx: GatewayContext,
    team: Team,
    ids: readonly string[],
  ): Promise<MovingHousehold[]> {
    if (ids.length === 0) return [];
    const wanted = [...new Set(ids)];
    const rows = await ctx.tx.query<MovingHousehold>(
      `SELECT ${MOVING_COLUMNS} FROM household h WHERE h.id = ANY($1::uuid[]) ORDER BY h.id FOR UPDATE`,
      [wanted.filter((id) => UUID.test(id))],
    );
    const missing = wanted.filter((id) => !rows.some((h) => h.id === id));
    if (missing.length > 0) {
      throw publicError(ErrorCode.NOT_FOUND, undefined, { householdIds: missing });
    }
    const elsewhere = rows.filter((h) => h.headquartersId !== team.headquartersId).map((h) => h.id);
    if (elsewhere.length > 0) {
      throw publicError(
        ErrorCode.BAD_USER_INPUT,
        {
          zh: '征迁户不在该工作组所属指挥部的片区内',
          en: 'The household is outside the team’s headquarters’ project area',
        },
        { householdIds: elsewhere },
      );
    }
    return rows;
  }

  private async move(ctx: GatewayContext, households: MovingHousehold[], to: Team | null): Promise<number> {
    if (households.length === 0) return 0;
    await moveTeamCounters(ctx.tx, households, to?.id ?? null);
    await ctx.tx.query(
      `UPDATE household SET team_id = $2, team_home_township_id = $3, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [households.map((h) => h.id), to?.id ?? null, to?.homeTownshipId ?? null],
    );
    return households.length;
  }

  private async notify(ctx: GatewayContext): Promise<void> {
    await ctx.tx.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, encodeLiveEvent({ t: 'progress' })]);
  }

  private async result(ctx: GatewayContext, team: Team, villagesChanged: number, householdsChanged: number) {
    const villages = await ctx.tx.query<Village>(
      `SELECT ${VILLAGE_COLUMNS} FROM village v JOIN team_village tv ON tv.village_id = v.id
       WHERE tv.team_id = $1 ORDER BY v.code`,
      [team.id],
    );
    return { team, villagesChanged, householdsChanged, villages };
  }
}
