import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ApiKeyScopeName } from './apikey.inputs.js';

@ObjectType({ simpleResolvers: true, description: 'An integrator key (its secret is never shown again).' })
export class ApiKey {
  @Field(() => ID, { description: 'The key’s id (revokeApiKey, registerOperation).' })
  id!: string;

  @Field(() => String, { description: 'The public part of the key (`hj_<prefix>_…`), to recognise it.' })
  prefix!: string;

  @Field(() => String, { description: 'Who uses it and what for.' })
  name!: string;

  @Field(() => String, { description: 'township, headquarters or district.' })
  tenantKind!: string;

  @Field(() => String, { description: 'The one tenant whose rows it reads.' })
  tenantCode!: string;

  @Field(() => String, { description: 'The tenant role it acts as: viewer unless it may write.' })
  role!: string;

  @Field(() => [ApiKeyScopeName], { description: 'Its scopes (READ always).' })
  scopes!: ApiKeyScopeName[];

  @Field(() => String, { description: 'Who created it.' })
  createdBy!: string;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops working; null = never.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null = in force.' })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last request made with it (to the minute).' })
  lastUsedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Its own request rate per minute; null = the default.' })
  ratePerMinute!: number | null;

  @Field(() => Int, { nullable: true, description: 'Its own cost budget per minute; null = the default.' })
  costPerMinute!: number | null;

  @Field(() => Boolean, { description: 'Runs only its registered operations.' })
  allowListOnly!: boolean;
}

@ObjectType({ description: 'A new key and its secret, shown this once.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key as apiKeys lists it.' })
  apiKey!: ApiKey;

  @Field(() => String, {
    description:
      'The whole key (`hj_<prefix>_<secret>`): send it as `x-api-key` or `Authorization: Bearer`. Only ' +
      'its hash is stored — it cannot be shown again.',
  })
  secret!: string;
}

@ObjectType({ description: 'An operation registered for an allow-list key.' })
export class RegisteredOperation {
  @Field(() => ID, { description: 'The key.' })
  keyId!: string;

  @Field(() => String, { description: 'SHA-256 of the operation text (hex), as sent in persistedQuery.' })
  sha256Hash!: string;
}
