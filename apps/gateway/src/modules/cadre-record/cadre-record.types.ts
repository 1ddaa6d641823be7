import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Cadre } from './cadre.types.js';

@ObjectType({ simpleResolvers: true, description: 'A 四察四看 result of a team in one period.' })
export class TeamInspectionResult {
  @Field(() => String, { description: 'Period (2020-W43, 2020-10, …).' })
  period!: string;

  @Field(() => Float, { description: 'Score, 0–100.' })
  score!: number;

  @Field(() => Int, { description: 'Rank among the teams inspected in that period, 1 = best.' })
  rank!: number;

  @Field(() => Int, { description: 'How many teams were inspected in that period.' })
  of!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A cadre’s record (干部档案) for evaluation: contributions credited to the cadre and the team’s inspection ' +
    'results. Counts cover what the caller may see.',
})
export class CadreRecord {
  @Field(() => Cadre, { description: 'The cadre.' })
  cadre!: Cadre;

  @Field(() => Int, { description: 'Visits credited.' })
  visits!: number;

  @Field(() => Int, { description: 'Of which off-hours (错时走访).' })
  offHoursVisits!: number;

  @Field(() => Int, { description: 'Measurements credited (advances to MEASURED).' })
  measurements!: number;

  @Field(() => Int, { description: 'Signings credited (advances to SIGNED).' })
  signings!: number;

  @Field(() => Int, { description: 'Disputes resolved as mediator.' })
  disputesResolved!: number;

  @Field(() => [TeamInspectionResult], { description: 'The team’s 四察四看 results, oldest period first.' })
  teamInspections!: TeamInspectionResult[];

  teamId!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A nomination to the reserve pool (后备干部库). District only — enforced by row-level security.',
})
export class ReserveNomination {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Why the cadre was nominated.' })
  reason!: string;

  @Field(() => String, { description: 'Who nominated (the inspector’s subject).' })
  nominatedBy!: string;

  @Field(() => Date, { description: 'When.' })
  nominatedAt!: Date;

  cadreId!: string;
}

@InputType({ description: 'A cadre to nominate to the reserve pool.' })
export class NominateReserveInput {
  @Field(() => ID, { description: 'The cadre.' })
  cadreId!: string;

  @Field(() => String, { description: 'Reason (1–2000 characters), e.g. the record that earned it.' })
  reason!: string;
}
