import type { Principal } from '@hanjiang/authz';
import {
  checkEscalationTransition,
  ESCALATION_REFUSAL_MESSAGES,
  EscalationState,
  FIELD_TEXT_MAX_LENGTH,
} from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import { badInput, requireText, requireUuid } from '../../errors/bad-input.js';
import { ErrorCode, publicError } from '../../errors/public-error.js';
import { assertCan, requirePrincipal } from '../../guards.js';
import { checkIdempotencyKey, replayOrRefuse, requestHash } from '../../errors/idempotency.js';
import type { EscalationStepInput, RaiseEscalationInput } from './escalation.inputs.js';
import { ESCALATION_COLUMNS, type Escalation } from './escalation.types.js';

type Step = 'TRIAGED' | 'DECIDED' | 'CLOSED';

/** What each step writes besides the state: its timestamp and, for triage and decision, its text. */
const STEP: Record<Step, { stamp: string; text: string | null; max: number }> = {
  TRIAGED: { stamp: 'triaged_at', text: 'meeting', max: 200 },
  DECIDED: { stamp: 'decided_at', text: 'decision', max: FIELD_TEXT_MAX_LENGTH },
  CLOSED: { stamp: 'closed_at', text: null, max: 0 },
};

/** 症结难题: a headquarters raises; the supervision group triages, decides and closes. */
declare module '../../context.js' {
  interface Services {
    readonly escalations: EscalationService;
  }
}

export class EscalationService {
  async raise(ctx: GatewayContext, input: RaiseEscalationInput): Promise<Escalation> {
    const p = requirePrincipal(ctx);
    const key = checkIdempotencyKey(input.idempotencyKey);
    const hq = ctx.services.catalogue.headquartersByCode(input.headquartersCode);
    if (!hq) {
      throw badInput(
        {
          zh: `未知的指挥部“${input.headquartersCode}”`,
          en: `Unknown headquarters "${input.headquartersCode}"`,
        },
        { fields: ['headquartersCode'] },
      );
    }
    assertCan(p, 'escalation:raise', { headquartersCode: hq.code });
    const description = requireText(input.description, 'description', 1, FIELD_TEXT_MAX_LENGTH)!;
    const helpNeeded = requireText(input.helpNeeded, 'helpNeeded', 1, FIELD_TEXT_MAX_LENGTH)!;
    const householdIds = [...new Set(input.householdIds.map((id) => requireUuid(id, 'householdIds')))].sort();
    const villageIds = [...new Set(input.villageIds.map((id) => requireUuid(id, 'villageIds')))].sort();
    if (householdIds.length > 100 || villageIds.length > 50) {
      throw badInput(
        { zh: '涉及的征迁户至多 100 户、村庄至多 50 个', en: 'At most 100 households and 50 villages' },
        { fields: ['householdIds', 'villageIds'] },
      );
    }
    const disputeId = input.disputeId ? requireUuid(input.disputeId, 'disputeId') : null;
    const hash = requestHash('escalation', {
      hq: hq.code,
      description,
      helpNeeded,
      householdIds,
      villageIds,
      disputeId,
    });
    const previous = await this.byKey(ctx, p, key);
    if (previous) return replayOrRefuse(previous, hash);

    // Everything named must be the headquarters' own and visible to the caller: an id of another tenant is
    // NOT_FOUND, as if it did not exist.
    const [found] = await ctx.tx.query<{ households: number; villages: number; disputes: number }>(
      `SELECT (SELECT count(*)::int FROM household WHERE id = ANY($1::uuid[]) AND headquarters_id = $4) AS households,
         (SELECT count(*)::int FROM village WHERE id = ANY($2::uuid[]) AND headquarters_id = $4) AS villages,
         (SELECT count(*)::int FROM dispute WHERE id = $3 AND headquarters_id = $4) AS disputes`,
      [householdIds, villageIds, disputeId, hq.id],
    );
    if (
      found!.households !== householdIds.length ||
      found!.villages !== villageIds.length ||
      found!.disputes !== (disputeId ? 1 : 0)
    ) {
      throw publicError(ErrorCode.NOT_FOUND);
    }
    const [row] = await ctx.tx.query<Escalation>(
      `INSERT INTO escalation AS e (headquarters_id, description, help_needed, household_ids, village_ids, dispute_id,
         raised_by, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (raised_by, idempotency_key) DO NOTHING RETURNING ${ESCALATION_COLUMNS}`,
      [hq.id, description, helpNeeded, householdIds, villageIds, disputeId, p.subject, key, hash],
    );
    if (row) return row;
    const raced = await this.byKey(ctx, p, key);
    if (!raced) throw publicError(ErrorCode.CONFLICT);
    return replayOrRefuse(raced, hash);
  }

  async step(ctx: GatewayContext, to: Step, input: EscalationStepInput): Promise<Escalation> {
    assertCan(requirePrincipal(ctx), 'escalation:triage');
    const id = requireUuid(input.escalationId, 'escalationId');
    const spec = STEP[to];
    const text = spec.text ? requireText(input.text, spec.text, 1, spec.max) : null;
    const [current] = await ctx.tx.query<Escalation>(
      `SELECT ${ESCALATION_COLUMNS} FROM escalation e WHERE e.id = $1 FOR UPDATE`,
      [id],
    );
    if (!current) throw publicError(ErrorCode.NOT_FOUND);
    if (current.state === to && current.version === input.expectedVersion + 1) return current;
    if (current.version !== input.expectedVersion) {
      throw publicError(ErrorCode.CONFLICT, undefined, {
        currentVersion: current.version,
        currentState: current.state,
      });
    }
    const check = checkEscalationTransition(current.state, EscalationState[to]);
    if (!check.ok) {
      throw publicError(ErrorCode.INVALID_TRANSITION, ESCALATION_REFUSAL_MESSAGES[check.reason], {
        reason: check.reason,
        currentState: current.state,
      });
    }
    const setText = spec.text ? `, ${spec.text} = $3` : '';
    const [row] = await ctx.tx.query<Escalation>(
      `UPDATE escalation e SET state = $2, version = version + 1, ${spec.stamp} = now()${setText}
       WHERE e.id = $1 RETURNING ${ESCALATION_COLUMNS}`,
      spec.text ? [id, to, text] : [id, to],
    );
    return row!;
  }

  async list(ctx: GatewayContext, openOnly: boolean): Promise<Escalation[]> {
    return ctx.tx.query<Escalation>(
      `SELECT ${ESCALATION_COLUMNS} FROM escalation e WHERE NOT $1 OR e.state <> 'CLOSED'
       ORDER BY e.raised_at, e.id LIMIT 500`,
      [openOnly],
    );
  }

  private async byKey(ctx: GatewayContext, p: Principal, key: string): Promise<Escalation | null> {
    const [row] = await ctx.tx.query<Escalation>(
      `SELECT ${ESCALATION_COLUMNS} FROM escalation e WHERE e.raised_by = $1 AND e.idempotency_key = $2`,
      [p.subject, key],
    );
    return row ?? null;
  }
}
