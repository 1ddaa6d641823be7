import { ErrorCode, yuanToFen } from '@hanjiang/domain';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { requireUuid } from '../../errors/bad-input.js';
import { publicError } from '../../errors/public-error.js';
import { Household } from '../household/household.types.js';
import { AdvanceStageInput, RevertStageInput } from './workflow.inputs.js';

@Resolver()
export class WorkflowResolver {
  @Mutation(() => Household, {
    description:
      'Advance a household one stage (SURVEYED → MEASURED → ASSESSED → SIGNED → VACATED → DEMOLISHED). Idempotent per idempotencyKey; CONFLICT when expectedVersion is stale.',
  })
  async advanceStage(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => AdvanceStageInput, { description: 'The transition.' }) input: AdvanceStageInput,
  ): Promise<Household> {
    const payload = {
      measuredBuildingAreaM2: input.measuredBuildingAreaM2 ?? null,
      measuredLandAreaM2: input.measuredLandAreaM2 ?? null,
      assessedAmountFen: fen(input.assessedAmountYuan, 'assessedAmountYuan'),
      agreedAmountFen: fen(input.agreedAmountYuan, 'agreedAmountYuan'),
      compensationChoice: input.compensationChoice ?? null,
      resettlementSiteId: input.resettlementSiteId ?? null,
    };
    const result = await ctx.services.workflow.transition(ctx, {
      kind: 'ADVANCE',
      householdId: input.householdId,
      toStage: input.toStage,
      idempotencyKey: input.idempotencyKey,
      expectedVersion: input.expectedVersion,
      payload: Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== null)),
      reason: null,
      cadreId: input.cadreId ? requireUuid(input.cadreId, 'cadreId') : null,
    });
    return reload(ctx, result);
  }

  @Mutation(() => Household, {
    description:
      'Move a household one stage back with a reason (commanders only). Idempotent like advanceStage.',
  })
  async revertStage(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => RevertStageInput, { description: 'The correction.' }) input: RevertStageInput,
  ): Promise<Household> {
    const result = await ctx.services.workflow.transition(ctx, {
      kind: 'REVERT',
      householdId: input.householdId,
      toStage: null,
      idempotencyKey: input.idempotencyKey,
      expectedVersion: input.expectedVersion,
      payload: {},
      reason: input.reason,
    });
    return reload(ctx, result);
  }
}

async function reload(
  ctx: GatewayContext,
  { id, household: written }: { id: string; household?: Household },
): Promise<Household> {
  if (written) return written;
  ctx.loaders.household.clear(id);
  const household = await ctx.loaders.household.load(id);
  if (!household) throw publicError(ErrorCode.NOT_FOUND);
  return household;
}

function fen(yuan: string | null | undefined, field: string): number | null {
  if (yuan === null || yuan === undefined) return null;
  try {
    return yuanToFen(yuan);
  } catch {
    throw publicError(
      ErrorCode.BAD_USER_INPUT,
      {
        zh: `${field} 须为以元为单位、最多两位小数的金额`,
        en: `${field} must be an amount in yuan with at most 2 decimals`,
      },
      { fields: [field] },
    );
  }
}
