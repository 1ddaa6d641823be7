import { Field, InputType, Int, registerEnumType } from 'type-graphql';

/** GraphQL's names for the database's scopes (`read` is always granted). */
export enum ApiKeyScopeName {
  READ = 'read',
  WRITE = 'write',
  INTROSPECT = 'introspect',
}
registerEnumType(ApiKeyScopeName, {
  name: 'ApiKeyScope',
  description: 'What an integrator key may do beyond reading its tenant’s rows. READ is always granted.',
  valuesConfig: {
    READ: { description: 'Read the tenant’s rows (always granted).' },
    WRITE: {
      description: 'Run mutations its tenant role allows (sign, advance, import …). Without it: read-only.',
    },
    INTROSPECT: { description: 'Introspect the schema and see field suggestions in errors.' },
  },
});

@InputType({ description: 'Per-key limits; a missing value means the gateway’s default.' })
export class ApiKeyLimitsInput {
  @Field(() => Int, { nullable: true, description: 'Requests per minute (1–100,000).' })
  ratePerMinute?: number | null;

  @Field(() => Int, { nullable: true, description: 'Summed query cost per minute (1–100,000,000).' })
  costPerMinute?: number | null;
}

@InputType({ description: 'A new integrator key.' })
export class CreateApiKeyInput {
  @Field(() => String, { description: 'Who uses it and what for (1–100 characters).' })
  name!: string;

  @Field(() => String, {
    description: 'The tenant it reads: a tenant code (`baisha`, `baitang-lake`, `district`) or `kind:code`.',
  })
  tenant!: string;

  @Field(() => [ApiKeyScopeName], { nullable: true, description: 'Scopes; READ is always added.' })
  scopes?: ApiKeyScopeName[] | null;

  @Field(() => Date, { nullable: true, description: 'When it stops working (in the future); none = never.' })
  expiresAt?: Date | null;

  @Field(() => ApiKeyLimitsInput, {
    nullable: true,
    description: 'Overrides of the gateway’s default limits.',
  })
  limits?: ApiKeyLimitsInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Run only operations registered for the key (registerOperation); default false.',
  })
  allowListOnly?: boolean | null;
}
