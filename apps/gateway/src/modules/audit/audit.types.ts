import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'One row of the append-only, hash-chained audit log (district inspectors and admins only).',
})
export class AuditEntry {
  @Field(() => String, { description: 'Sequence number (also the cursor).' })
  id!: string;

  @Field(() => Date, { description: 'When the operation committed.' })
  at!: Date;

  @Field(() => String, { description: 'Who: username, `apikey:<id>` or `anonymous` (sign-in).' })
  actor!: string;

  @Field(() => String, { nullable: true, description: 'Tenant kind the actor acted in.' })
  tenantKind!: string | null;

  @Field(() => String, { nullable: true, description: 'Tenant code the actor acted in.' })
  tenantCode!: string | null;

  @Field(() => String, { description: 'GraphQL operation name (or first field), `login`, or `refused`.' })
  operation!: string;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the variables (the variables themselves are not kept).',
  })
  variablesHash!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Request id (x-request-id), to find the request in the logs.',
  })
  requestId!: string | null;

  @Field(() => String, { nullable: true, description: 'Client address.' })
  clientAddress!: string | null;

  @Field(() => String, { description: 'Outcome: `ok` or a public error code.' })
  outcome!: string;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'What the row adds (hash version 3): an integrator operation’s document hash, cost, rows and duration (its key is the actor, `apikey:<id>`); a refusal’s count; a sign-in’s username.',
  })
  detail!: unknown;

  @Field(() => String, { description: 'Hash of this row, covering the previous row’s hash.' })
  hash!: string;
}
