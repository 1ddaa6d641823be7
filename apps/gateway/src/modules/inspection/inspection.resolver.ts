import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { RecordInspectionInput } from './inspection.inputs.js';
import { Inspection, InspectionRanking, InspectionTargetKind } from './inspection.types.js';

@Resolver()
export class InspectionResolver {
  @Mutation(() => Inspection, {
    description:
      'Record a 四察四看 score for a headquarters or team in a period (the supervision group: district inspector ' +
      'or admin). One per target and period: a second is a CONFLICT.',
  })
  recordInspection(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => RecordInspectionInput, { description: 'Target, period, score and sub-scores.' })
    input: RecordInspectionInput,
  ): Promise<Inspection> {
    return ctx.services.inspections.record(ctx, input);
  }

  @Query(() => [InspectionRanking], {
    description:
      'Inspections of one kind of target in a period, best first, with rank and the flag for units ranked last ' +
      'in at least 2 of the recent periods. Empty when the period has none.',
  })
  inspections(
    @Ctx() ctx: GatewayContext,
    @Arg('targetKind', () => InspectionTargetKind, { description: 'Headquarters or teams.' })
    targetKind: InspectionTargetKind,
    @Arg('period', () => String, { nullable: true, description: 'The period; the latest one when omitted.' })
    period: string | null,
    @Arg('window', () => Int, {
      defaultValue: 4,
      description: 'How many recent periods (up to and including this one) count for `flaggedLast`.',
    })
    window: number,
  ): Promise<InspectionRanking[]> {
    return ctx.services.inspections.rankings(ctx, targetKind, period ?? null, window);
  }
}
