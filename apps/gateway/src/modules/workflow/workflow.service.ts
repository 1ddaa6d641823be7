import { createHash } from 'node:crypto';
import { can, TRANSITION_REFUSALS } from '@hanjiang/authz';
import {
  checkAdvance,
  checkRevert,
  ErrorCode,
  type Stage,
  TRANSITION_REFUSAL_MESSAGES,
  TRANSITION_ROLES,
  validateRevertReason,
  validateTransitionPayload,
} from '@hanjiang/domain';
import type { GatewayContext } from '../../context.js';
import type { CatalogueCache } from '../../db/catalogue-cache.js';
import type { RequestTransaction } from '../../db/request-transaction.js';
import { publicError } from '../../errors/public-error.js';
import { encodeLiveEvent, LIVE_CHANNEL } from '../../live/live-events.js';
import { householdScope } from '../household/household.scope.js';
import type { Household } from '../household/household.types.js';
import { crossedMilestones, recordMilestonesAndNotify } from '../milestone/milestone.record.js';
import { countTransition } from '../progress/progress.counters.js';
import {
  type LockedHousehold,
  lockHousehold,
  previousTransition,
  writeTransition,
  type TransitionWrite,
} from './transition-sql.js';

declare module '../../context.js' {
  interface Services {
    readonly workflow: WorkflowService;
  }
}

export interface TransitionRequest {
  kind: 'ADVANCE' | 'REVERT';
  householdId: string;
  toStage: Stage | null;
  idempotencyKey: string;
  expectedVersion: number;
  payload: Record<string, unknown>;
  reason: string | null;
  /** The cadre credited with the work (cadre records); a cadre of the household's team. */
  cadreId?: string | null;
}

/**
 * A stage transition, in the order issue 4 states: role → lock and version → stage machine → event (idempotent)
 * → projection → counters → milestones → notify. The audit row is appended by the transaction plugin, and the
 * caller's transaction commits or rolls back all of it together.
 */
export class WorkflowService {
  constructor(private readonly catalogue: CatalogueCache) {}

  /**
   * Returns the household after the transition, or only its id for a retry that wrote nothing (the caller then
   * reads it through the loader).
   */
  async transition(
    // Only what it reads of the operation: the seed's replay drives it outside GraphQL (test/seed-replay.test.ts).
    { tx, principal }: Pick<GatewayContext, 'tx' | 'principal'>,
    request: TransitionRequest,
  ): Promise<{ id: string; household?: Household }> {
    const action = request.kind === 'ADVANCE' ? 'advance' : 'revert';
    if (!principal) throw publicError(ErrorCode.UNAUTHENTICATED);
    if (!(TRANSITION_ROLES[action].roles as readonly string[]).includes(principal.role))
      throw forbidden(action);
    const key = request.idempotencyKey.trim();
    if (key.length < 8 || key.length > 200) {
      throw publicError(ErrorCode.BAD_USER_INPUT, {
        zh: '幂等键长度须为 8–200 个字符',
        en: 'idempotencyKey must be 8–200 characters',
      });
    }
    const requestHash = hashRequest(request);

    const locked = await lockHousehold(tx, request.householdId, principal.subject, key);
    if (!locked) {
      // FOR UPDATE also applies the UPDATE policy: a visible household this caller may not change is FORBIDDEN.
      const visible = await tx.query('SELECT 1 FROM household WHERE id = $1', [request.householdId]);
      throw visible.length > 0 ? forbidden(action) : publicError(ErrorCode.NOT_FOUND);
    }
    const { household } = locked;
    // A retry whose first delivery committed while this one waited for the lock finds the household moved on:
    // its version is stale, so the key is looked up again (after the wait) before CONFLICT is said.
    const previous =
      locked.previous ??
      (household.version !== request.expectedVersion
        ? await previousTransition(tx, principal.subject, key)
        : null);
    if (previous) {
      if (previous.requestHash === requestHash) return { id: previous.householdId };
      throw publicError(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    }
    const scope = householdScope(household, this.catalogue);
    const decision = can(
      principal,
      request.kind === 'ADVANCE' ? 'household:advance' : 'household:revert',
      scope,
    );
    if (!decision.allowed) throw forbidden(action);
    if (household.version !== request.expectedVersion) {
      throw publicError(ErrorCode.CONFLICT, undefined, {
        currentVersion: household.version,
        currentStage: household.stage,
      });
    }
    const toStage = this.checkStage(household, request);
    if (request.cadreId) await checkCredit(tx, request.cadreId, household.teamId);

    const write: TransitionWrite = {
      kind: request.kind,
      toStage,
      principal,
      idempotencyKey: key,
      requestHash,
      payload: request.payload,
      reason: request.reason,
      cadreId: request.cadreId ?? null,
    };
    const { eventId, household: updated } = await writeTransition(tx, household, write);
    const { rows: counters, change } = await countTransition(tx, eventId);
    const announcements = [
      encodeLiveEvent({
        t: 'household',
        eventId,
        householdId: household.id,
        townshipId: household.townshipId,
        headquartersId: household.headquartersId,
        teamHomeTownshipId: household.teamHomeTownshipId,
      }),
      encodeLiveEvent({ t: 'progress' }),
    ];
    recordMilestonesAndNotify(
      tx,
      crossedMilestones(counters, change, household.teamCode),
      eventId,
      LIVE_CHANNEL,
      announcements,
    );
    return { id: household.id, household: updated };
  }

  private checkStage(household: LockedHousehold, request: TransitionRequest): Stage {
    if (request.kind === 'REVERT') {
      const problems = validateRevertReason(request.reason ?? '');
      if (problems.length > 0) throw badInput(problems);
      const check = checkRevert(household.stage);
      if (!check.ok) throw invalidTransition(check.reason, household.stage);
      return check.to;
    }
    const toStage = request.toStage!;
    const check = checkAdvance(household.stage, toStage);
    if (!check.ok) throw invalidTransition(check.reason, household.stage);
    const problems = validateTransitionPayload(toStage, request.payload);
    if (problems.length > 0) throw badInput(problems);
    return toStage;
  }
}

/** The refusal of this kind of transition, in the words of `can()`: a revert names commanders only. */
function forbidden(action: 'advance' | 'revert') {
  return publicError(ErrorCode.FORBIDDEN, TRANSITION_REFUSALS[action]);
}

function invalidTransition(reason: keyof typeof TRANSITION_REFUSAL_MESSAGES, currentStage: Stage) {
  return publicError(ErrorCode.INVALID_TRANSITION, TRANSITION_REFUSAL_MESSAGES[reason], {
    reason,
    currentStage,
  });
}

function badInput(problems: readonly { field: string; messageZh: string; messageEn: string }[]) {
  return publicError(
    ErrorCode.BAD_USER_INPUT,
    { zh: problems.map((p) => p.messageZh).join(';'), en: problems.map((p) => p.messageEn).join('; ') },
    { fields: problems.map((p) => p.field) },
  );
}

/** Credit follows the work: only a cadre of the household's own team may be credited with it. */
async function checkCredit(tx: RequestTransaction, cadreId: string, teamId: string | null): Promise<void> {
  const [row] = await tx.query<{ ok: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM cadre WHERE id = $1 AND team_id = $2) AS ok',
    [cadreId, teamId],
  );
  if (!row?.ok) {
    throw publicError(
      ErrorCode.BAD_USER_INPUT,
      { zh: '所填干部不是该户所属工作组的成员', en: 'cadreId must be a cadre of the household’s team' },
      { fields: ['cadreId'] },
    );
  }
}

/** What makes two requests "the same": everything but the key itself, canonically ordered. */
function hashRequest(request: TransitionRequest): string {
  const canonical = JSON.stringify({
    kind: request.kind,
    householdId: request.householdId,
    toStage: request.toStage,
    expectedVersion: request.expectedVersion,
    reason: request.reason,
    // Only when given, so a retry of a request made before credit existed still hashes the same.
    ...(request.cadreId ? { cadreId: request.cadreId } : {}),
    payload: Object.fromEntries(
      Object.entries(request.payload)
        .filter(([, v]) => v !== null && v !== undefined)
        .sort(),
    ),
  });
  return createHash('sha256').update(canonical).digest('hex');
}
