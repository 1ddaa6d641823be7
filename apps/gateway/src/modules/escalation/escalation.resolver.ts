import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { requirePrincipal } from '../../guards.js';
import { Headquarters, Village } from '../catalog/catalog.types.js';
import { Dispute, DISPUTE_COLUMNS } from '../dispute/dispute.types.js';
import { Household } from '../household/household.types.js';
import { EscalationStepInput, RaiseEscalationInput } from './escalation.inputs.js';
import { Escalation } from './escalation.types.js';

@Resolver(() => Escalation)
export class EscalationResolver {
  @Mutation(() => Escalation, {
    description:
      'Raise a blocker (症结难题) for a headquarters (its commander, or the district admin). Households, villages and ' +
      'the dispute named must be the headquarters’ own (NOT_FOUND otherwise). Idempotent by `idempotencyKey`.',
  })
  raiseEscalation(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => RaiseEscalationInput, { description: 'The blocker.' }) input: RaiseEscalationInput,
  ): Promise<Escalation> {
    return ctx.services.escalations.raise(ctx, input);
  }

  @Mutation(() => Escalation, {
    description: 'The supervision group takes a raised escalation to a meeting (`text`: the meeting).',
  })
  triageEscalation(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => EscalationStepInput, { description: 'Which, and the meeting.' })
    input: EscalationStepInput,
  ): Promise<Escalation> {
    return ctx.services.escalations.step(ctx, 'TRIAGED', input);
  }

  @Mutation(() => Escalation, { description: 'The supervision group records the decision (`text`).' })
  decideEscalation(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => EscalationStepInput, { description: 'Which, and the decision.' })
    input: EscalationStepInput,
  ): Promise<Escalation> {
    return ctx.services.escalations.step(ctx, 'DECIDED', input);
  }

  @Mutation(() => Escalation, { description: 'The supervision group closes a decided escalation.' })
  closeEscalation(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => EscalationStepInput, { description: 'Which.' }) input: EscalationStepInput,
  ): Promise<Escalation> {
    return ctx.services.escalations.step(ctx, 'CLOSED', input);
  }

  @Query(() => [Escalation], {
    description:
      'Escalations the caller may see (the district all, a headquarters its own), oldest first, with their age.',
  })
  escalations(
    @Ctx() ctx: GatewayContext,
    @Arg('openOnly', () => Boolean, { defaultValue: true, description: 'Leave out closed ones.' })
    openOnly: boolean,
  ): Promise<Escalation[]> {
    requirePrincipal(ctx);
    return ctx.services.escalations.list(ctx, openOnly);
  }

  @FieldResolver(() => Headquarters, { description: 'The raising headquarters.' })
  headquarters(@Root() e: Escalation, @Ctx() ctx: GatewayContext): Headquarters | null {
    return ctx.services.catalogue.headquartersOf(e.headquartersId);
  }

  @FieldResolver(() => [Household], { description: 'Households it concerns (those the caller may see).' })
  async households(@Root() e: Escalation, @Ctx() ctx: GatewayContext): Promise<Household[]> {
    const rows = await ctx.loaders.household.loadMany(e.householdIds);
    return rows.filter((h): h is Household => h !== null && !(h instanceof Error));
  }

  @FieldResolver(() => [Village], { description: 'Villages it concerns.' })
  async villages(@Root() e: Escalation, @Ctx() ctx: GatewayContext): Promise<Village[]> {
    const rows = await ctx.loaders.village.loadMany(e.villageIds);
    return rows.filter((v): v is Village => v !== null && !(v instanceof Error));
  }

  @FieldResolver(() => Dispute, { nullable: true, description: 'The escalated dispute it comes from.' })
  async dispute(@Root() e: Escalation, @Ctx() ctx: GatewayContext): Promise<Dispute | null> {
    if (!e.disputeId) return null;
    const [row] = await ctx.tx.query<Dispute>(`SELECT ${DISPUTE_COLUMNS} FROM dispute d WHERE d.id = $1`, [
      e.disputeId,
    ]);
    return row ?? null;
  }
}
