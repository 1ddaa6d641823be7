import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'The campaign gauge: 奋战100天,征迁300万. Public to every signed-in caller.',
})
export class CampaignGauge {
  @Field(() => String, { description: 'Campaign name.' })
  name!: string;

  @Field(() => String, { description: 'First day (YYYY-MM-DD, Asia/Shanghai).' })
  startDate!: string;

  @Field(() => Int, { description: 'Length in days (100).' })
  lengthDays!: number;

  @Field(() => Int, {
    description: 'Today’s day number of the campaign (day 1 is the start date), Asia/Shanghai.',
  })
  day!: number;

  @Field(() => Int, { description: 'Days left, today included; 0 once over.' })
  daysLeft!: number;

  @Field(() => Float, { description: 'Target signed building area in m² (3,000,000).' })
  targetAreaM2!: number;

  @Field(() => Float, { description: 'Signed building area so far in m².' })
  signedAreaM2!: number;

  @Field(() => Float, {
    description:
      'Signed building area as a percentage of the target area `targetAreaM2` (0–100, one decimal): what ' +
      '征迁300万 counts.',
  })
  signedAreaPctOfTarget!: number;

  @Field(() => Float, {
    description:
      'Households signed or further as a percentage of every household in the campaign (0–100, one decimal).',
  })
  signedHouseholdsPct!: number;

  @Field(() => Float, {
    description:
      'The same number as `signedAreaPctOfTarget`: signed building area as a percentage of the target area.',
    deprecationReason:
      'Use signedAreaPctOfTarget (the same number). On board rows `signedPct` counted households, so the name ' +
      'meant two things.',
  })
  signedPct!: number;

  @Field(() => Float, { description: 'm² that must be signed per remaining day to reach the target.' })
  paceNeededPerDayM2!: number;

  @Field(() => Float, {
    description:
      'm² signed per day over the last 7 days, today included (fewer in the first days of the campaign): the pace ' +
      'to set beside `paceNeededPerDayM2`.',
  })
  paceLast7DaysM2!: number;

  @Field(() => Int, { description: 'Households signed today (Asia/Shanghai).' })
  signedToday!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Progress of one scope (campaign, headquarters, township, pairing, team or village).',
})
export class Progress {
  @Field(() => String, { description: 'Scope kind.' })
  scopeKind!: string;

  @Field(() => String, {
    description: 'Scope code (tenant, pairing, team or village code; `main` for the campaign).',
  })
  scopeCode!: string;

  @Field(() => Int, { description: 'Households in scope.' })
  households!: number;

  @Field(() => Int, { description: 'Households measured or further.' })
  measured!: number;

  @Field(() => Int, { description: 'Households assessed or further.' })
  assessed!: number;

  @Field(() => Int, { description: 'Households signed or further.' })
  signed!: number;

  @Field(() => Int, { description: 'Households vacated or further.' })
  vacated!: number;

  @Field(() => Int, { description: 'Households demolished.' })
  demolished!: number;

  @Field(() => Float, { description: 'Building area of all households in scope, m².' })
  buildingAreaM2!: number;

  @Field(() => Float, { description: 'Building area of signed households, m².' })
  signedAreaM2!: number;

  @Field(() => Float, {
    description: 'Measured percentage (0–100, one decimal; 100 only when all are done).',
  })
  measuredPct!: number;

  @Field(() => Float, {
    description:
      'Households signed or further as a percentage of the households in scope (0–100, one decimal; 100 only ' +
      'when all are signed).',
  })
  signedHouseholdsPct!: number;

  @Field(() => Float, {
    description:
      'Building area of signed households as a percentage of the building area of all households in scope ' +
      '(0–100, one decimal).',
  })
  signedAreaPct!: number;

  @Field(() => Float, {
    description:
      'The same number as `signedHouseholdsPct`: households signed or further, as a percentage of the ' +
      'households in scope.',
    deprecationReason:
      'Use signedHouseholdsPct (the same number) or signedAreaPct. On the campaign gauge `signedPct` measured ' +
      'area, so the name meant two things.',
  })
  signedPct!: number;

  @Field(() => Int, { description: 'Households signed today (Asia/Shanghai).' })
  signedToday!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One row of a leaderboard.' })
export class LeaderboardRow extends Progress {
  @Field(() => Int, {
    description: 'Rank by `signedHouseholdsPct`, then `signedAreaM2` (1 = first; ties share a rank).',
  })
  rank!: number;

  @Field(() => String, {
    description:
      'Display name in Chinese: the headquarters, township or team name; a pairing by its two townships, ' +
      'the mountain (helping) one first (新县镇—三江口镇).',
  })
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Places moved since the previous board (positive = up); null when unknown.',
  })
  rankChange!: number | null;
}
