import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'How often an API key’s operations failed with one code.' })
export class ApiKeyErrorCount {
  @Field(() => String, { description: 'Public error code (extensions.code).' })
  code!: string;

  @Field(() => Int, { description: 'Operations answered with it, refusals before execution included.' })
  count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'An API key’s use of one operation (name, or first field).',
})
export class ApiKeyOperationUsage {
  @Field(() => String, { description: 'Operation name, or its first field when unnamed.' })
  operation!: string;

  @Field(() => Int, { description: 'Operations executed.' })
  operations!: number;

  @Field(() => Int, { description: 'Of them, answered with an error.' })
  errors!: number;

  @Field(() => Float, { description: 'List items returned (every element of every list in the answers).' })
  rows!: number;

  @Field(() => Float, { description: 'Summed query cost (the figure the cost limit checked).' })
  cost!: number;

  @Field(() => Float, { nullable: true, description: 'Median duration, ms.' })
  p50DurationMs!: number | null;

  @Field(() => Float, { nullable: true, description: '95th percentile duration, ms.' })
  p95DurationMs!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'An API key’s use over a time range, summarised from the audit log (district admins; commanders of the key’s tenant).',
})
export class ApiKeyUsage {
  @Field(() => ID, { description: 'The key’s id.' })
  key!: string;

  @Field(() => Date, { description: 'Start of the range (inclusive).' })
  from!: Date;

  @Field(() => Date, { description: 'End of the range (exclusive).' })
  to!: Date;

  @Field(() => Int, { description: 'Operations executed.' })
  operations!: number;

  @Field(() => Int, { description: 'Operations executed that were answered with an error.' })
  errors!: number;

  @Field(() => Int, { description: 'Operations refused before execution (limits, policies).' })
  refused!: number;

  @Field(() => Float, { description: 'List items returned.' })
  rows!: number;

  @Field(() => Float, { description: 'Summed query cost.' })
  cost!: number;

  @Field(() => Float, { nullable: true, description: 'Median duration of executed operations, ms.' })
  p50DurationMs!: number | null;

  @Field(() => Float, { nullable: true, description: '95th percentile duration of executed operations, ms.' })
  p95DurationMs!: number | null;

  @Field(() => [ApiKeyErrorCount], { description: 'Errors and refusals by code.' })
  errorsByCode!: ApiKeyErrorCount[];

  @Field(() => [ApiKeyOperationUsage], { description: 'By operation, most used first.' })
  byOperation!: ApiKeyOperationUsage[];
}
