import type { Principal } from '@hanjiang/authz';
import {
  checkDisputeTransition,
  DISPUTE_REFUSAL_MESSAGES,
  type DisputeState,
  FIELD_TEXT_MAX_LENGTH,
} from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { badInput, requireText, requireUuid } from '../../errors/bad-input.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { assertCan, requirePrincipal } from '../../guards.js';
import { checkIdempotencyKey, replayOrRefuse, requestHash } from '../../errors/idempotency.js';
import { householdScope, readHouseholdScope } from '../household/household.scope.js';
import type { DisputeFilter, MoveDisputeInput, OpenDisputeInput } from './dispute.inputs.js';
import { DISPUTE_COLUMNS, type Dispute, type DisputeSummary } from './dispute.types.js';

/** The column each state stamps when a dispute enters it. */
const STAMP: Partial<Record<DisputeState, string>> = {
  MEDIATING: 'mediation_started_at',
  RESOLVED: 'resolved_at',
  ESCALATED: 'escalated_at',
};

/** A note line: when it was written, then the text (one dispute's story, oldest first). */
function noteLine(note: string, at: Date): string {
  return `[${at.toISOString()}] ${note}`;
}

/** 矛盾纠纷: opened and mediated by whoever works the household; the state machine is packages/domain's. */
declare module '../../context.js' {
  interface Services {
    readonly disputes: DisputeService;
  }
}

export class DisputeService {
  async open(ctx: GatewayContext, input: OpenDisputeInput): Promise<Dispute> {
    const p = requirePrincipal(ctx);
    const key = checkIdempotencyKey(input.idempotencyKey);
    const householdId = requireUuid(input.householdId, 'householdId');
    const mediatorCadreId = input.mediatorCadreId
      ? requireUuid(input.mediatorCadreId, 'mediatorCadreId')
      : null;
    const mediator = requireText(input.mediator, 'mediator', 1, 100)!;
    const notes = requireText(input.notes, 'notes', 0, FIELD_TEXT_MAX_LENGTH);
    const hash = requestHash('dispute', {
      householdId,
      category: input.category,
      mediator,
      mediatorCadreId,
      notes,
    });
    const previous = await this.byKey(ctx, p, key);
    if (previous) return replayOrRefuse(previous, hash);

    const household = await readHouseholdScope(ctx.tx, householdId);
    if (!household) throw publicError(ErrorCode.NOT_FOUND);
    assertCan(p, 'dispute:open', householdScope(household, ctx.services.catalogue));
    if (mediatorCadreId) {
      const [row] = await ctx.tx.query<{ ok: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM cadre WHERE id = $1 AND team_id = $2) AS ok`,
        [mediatorCadreId, household.teamId],
      );
      if (!row?.ok) {
        throw badInput(
          {
            zh: '调解干部须是该户所属工作组的成员',
            en: 'mediatorCadreId must be a cadre of the household’s team',
          },
          { fields: ['mediatorCadreId'] },
        );
      }
    }
    const [row] = await ctx.tx.query<Dispute>(
      `INSERT INTO dispute AS d (township_id, headquarters_id, team_home_township_id, household_id, team_id, category,
         mediator, mediator_cadre_id, notes, opened_by, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (opened_by, idempotency_key) DO NOTHING RETURNING ${DISPUTE_COLUMNS}`,
      [
        household.townshipId,
        household.headquartersId,
        household.teamHomeTownshipId,
        household.id,
        household.teamId,
        input.category,
        mediator,
        mediatorCadreId,
        notes ? noteLine(notes, new Date()) : '',
        p.subject,
        key,
        hash,
      ],
    );
    if (row) return row;
    const raced = await this.byKey(ctx, p, key);
    if (!raced) throw publicError(ErrorCode.CONFLICT);
    return replayOrRefuse(raced, hash);
  }

  /**
   * Moves the state one step. A retry of a move that already happened (the dispute is in `toState` at the very
   * next version) returns the dispute as it is: a phone that lost the answer does not see a false conflict.
   */
  async move(ctx: GatewayContext, input: MoveDisputeInput): Promise<Dispute> {
    const p = requirePrincipal(ctx);
    const id = requireUuid(input.disputeId, 'disputeId');
    const note = requireText(input.note, 'note', 0, FIELD_TEXT_MAX_LENGTH);
    // FOR UPDATE applies the UPDATE policy: a dispute the caller sees but may not work is FORBIDDEN below.
    const [locked] = await ctx.tx.query<Dispute>(
      `SELECT ${DISPUTE_COLUMNS} FROM dispute d WHERE d.id = $1 FOR UPDATE`,
      [id],
    );
    const current = locked ?? (await this.visible(ctx, id));
    if (!current) throw publicError(ErrorCode.NOT_FOUND);
    assertCan(p, 'dispute:mediate', householdScope(current, ctx.services.catalogue));
    if (!locked) throw publicError(ErrorCode.FORBIDDEN);
    if (current.state === input.toState && current.version === input.expectedVersion + 1) return current;
    if (current.version !== input.expectedVersion) {
      throw publicError(ErrorCode.CONFLICT, undefined, {
        currentVersion: current.version,
        currentState: current.state,
      });
    }
    const check = checkDisputeTransition(current.state, input.toState);
    if (!check.ok) {
      throw publicError(ErrorCode.INVALID_TRANSITION, DISPUTE_REFUSAL_MESSAGES[check.reason], {
        reason: check.reason,
        currentState: current.state,
      });
    }
    const stamp = STAMP[input.toState]!;
    const [row] = await ctx.tx.query<Dispute>(
      `UPDATE dispute d SET state = $2, version = version + 1, ${stamp} = now(), updated_at = now(),
         notes = CASE WHEN $3::text IS NULL THEN notes WHEN notes = '' THEN $3 ELSE notes || E'\\n' || $3 END
       WHERE d.id = $1 RETURNING ${DISPUTE_COLUMNS}`,
      [id, input.toState, note ? noteLine(note, new Date()) : null],
    );
    return row!;
  }

  async list(ctx: GatewayContext, filter: DisputeFilter | null): Promise<Dispute[]> {
    const teamId = filter?.teamId ? requireUuid(filter.teamId, 'teamId') : null;
    const householdId = filter?.householdId ? requireUuid(filter.householdId, 'householdId') : null;
    return ctx.tx.query<Dispute>(
      `SELECT ${DISPUTE_COLUMNS} FROM dispute d
       WHERE ($1::text[] IS NULL OR d.state = ANY($1)) AND ($2::uuid IS NULL OR d.team_id = $2)
         AND ($3::uuid IS NULL OR d.household_id = $3)
       ORDER BY d.opened_at DESC, d.id LIMIT 500`,
      [filter?.states?.length ? filter.states : null, teamId, householdId],
    );
  }

  async summary(ctx: GatewayContext, teamId: string | null): Promise<DisputeSummary> {
    const team = teamId ? requireUuid(teamId, 'teamId') : null;
    const [row] = await ctx.tx.query<DisputeSummary>(
      `SELECT count(*) FILTER (WHERE state = 'OPEN')::int AS open,
         count(*) FILTER (WHERE state = 'MEDIATING')::int AS mediating,
         count(*) FILTER (WHERE state = 'RESOLVED')::int AS resolved,
         count(*) FILTER (WHERE state = 'ESCALATED')::int AS escalated,
         round((avg(extract(epoch FROM resolved_at - opened_at)) / 3600)::numeric, 1)::float8
           AS "meanResolutionHours",
         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - opened_at))
           / 3600)::numeric, 1)::float8 AS "medianResolutionHours"
       FROM dispute WHERE $1::uuid IS NULL OR team_id = $1`,
      [team],
    );
    return row!;
  }

  private async visible(ctx: GatewayContext, id: string): Promise<Dispute | null> {
    const [row] = await ctx.tx.query<Dispute>(`SELECT ${DISPUTE_COLUMNS} FROM dispute d WHERE d.id = $1`, [
      id,
    ]);
    return row ?? null;
  }

  private async byKey(ctx: GatewayContext, p: Principal, key: string): Promise<Dispute | null> {
    const [row] = await ctx.tx.query<Dispute>(
      `SELECT ${DISPUTE_COLUMNS} FROM dispute d WHERE d.opened_by = $1 AND d.idempotency_key = $2`,
      [p.subject, key],
    );
    return row ?? null;
  }
}
