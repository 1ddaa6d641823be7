import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Team } from '../catalog/catalog.types.js';

/** The counts every level of the summary carries, from a team's day up to the district's. */
@ObjectType({ description: 'The counts every level of the summary carries.' })
export class SummaryCounts {
  @Field(() => Int, { description: 'Visits to households (走访); 0 until visits are recorded.' })
  visits!: number;

  @Field(() => Int, { description: 'Visits outside working hours (错时走访).' })
  offHoursVisits!: number;

  @Field(() => Int, { description: 'Households measured (丈量) that day.' })
  measurements!: number;

  @Field(() => Int, { description: 'Households assessed (评估) that day.' })
  assessments!: number;

  @Field(() => Int, { description: 'Households signed (签约) that day.' })
  signings!: number;

  @Field(() => Float, { description: 'Building area signed that day, m².' })
  signedAreaM2!: number;

  @Field(() => Int, { description: 'Disputes (矛盾纠纷) opened that day.' })
  disputesOpened!: number;

  @Field(() => Int, { description: 'Disputes resolved that day.' })
  disputesResolved!: number;

  @Field(() => Int, { description: 'Households the day’s plan named for measurement.' })
  plannedMeasure!: number;

  @Field(() => Int, { description: 'Households the day’s plan named for assessment.' })
  plannedAssess!: number;

  @Field(() => Int, { description: 'Planned measurements that happened that day.' })
  fulfilledMeasure!: number;

  @Field(() => Int, { description: 'Planned assessments that happened that day.' })
  fulfilledAssess!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Plan fulfilment: fulfilled ÷ planned (0–1); null when nothing was planned.',
  })
  fulfilment!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One team’s day (精准汇总), written by the nightly summary.',
})
export class TeamDaySummary extends SummaryCounts {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'The Shanghai calendar day (YYYY-MM-DD).' })
  day!: string;

  @Field(() => Team, { description: 'The team.' })
  team!: Team;

  @Field(() => Date, { description: 'When the day was (last) counted.' })
  computedAt!: Date;

  teamId!: string;
  townshipId!: string | null;
  headquartersId!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A day’s counts rolled up to a township, headquarters or the district.',
})
export class SummaryRollup extends SummaryCounts {
  @Field(() => String, {
    description: 'TOWNSHIP (the teams from it), HEADQUARTERS (the teams working for it) or DISTRICT.',
  })
  scopeKind!: string;

  @Field(() => String, { description: 'Tenant code (`district` for the district).' })
  scopeCode!: string;

  @Field(() => String, { description: 'Chinese name.' })
  scopeName!: string;

  @Field(() => Int, { description: 'Teams counted.' })
  teams!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Tonight’s summary of one day, within the caller’s scope.',
})
export class DailySummary {
  @Field(() => String, { description: 'The Shanghai calendar day (YYYY-MM-DD).' })
  day!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the summary last ran for the day; null if it has not.',
  })
  ranAt!: Date | null;

  @Field(() => [TeamDaySummary], { description: 'Each team in scope, by headquarters then team code.' })
  teams!: TeamDaySummary[];

  @Field(() => [SummaryRollup], { description: 'Rolled up to the home townships of the teams in scope.' })
  townships!: SummaryRollup[];

  @Field(() => [SummaryRollup], { description: 'Rolled up to the headquarters of the teams in scope.' })
  headquarters!: SummaryRollup[];

  @Field(() => SummaryRollup, {
    description: 'Everything in scope (the whole district for district callers).',
  })
  total!: SummaryRollup;
}

@ObjectType({ simpleResolvers: true, description: 'What a run of the daily summary did.' })
export class SummaryRun {
  @Field(() => String, { description: 'The day summarised.' })
  day!: string;

  @Field(() => Boolean, { description: 'False when a scheduled run found the day already summarised.' })
  ran!: boolean;

  @Field(() => Int, { description: 'Teams summarised.' })
  teams!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A spreadsheet export.' })
export class SummaryExport {
  @Field(() => String, { description: 'Suggested file name.' })
  filename!: string;

  @Field(() => String, { description: 'The .xlsx file, base64.' })
  contentBase64!: string;
}
