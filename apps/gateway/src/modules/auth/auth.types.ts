import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'One tenant role of a user. A user may hold several and switch between them.',
})
export class Membership {
  @Field(() => ID, { description: 'Membership id, the argument of `switchTenant`.' })
  id!: string;

  @Field(() => String, { description: '`township`, `headquarters` or `district`.' })
  tenantKind!: string;

  @Field(() => String, { description: 'Tenant code (e.g. `baitang`, `baitang-lake`, `district`).' })
  tenantCode!: string;

  @Field(() => String, { description: '`viewer`, `cadre`, `commander`, `admin` or `inspector`.' })
  role!: string;

  @Field(() => ID, { nullable: true, description: 'Work team of a cadre membership.' })
  teamId!: string | null;

  @Field(() => Boolean, { description: 'True for the membership the current token acts in.' })
  active!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The caller: who they are and in which tenant and role this token acts.',
})
export class Me {
  @Field(() => String, { description: 'Username, or `apikey:<id>` for an integrator key.' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'Display name (Chinese), for users.' })
  displayName!: string | null;

  @Field(() => String, { description: '`user` or `apikey`.' })
  kind!: string;

  @Field(() => String, { description: 'Tenant kind of the active membership.' })
  tenantKind!: string;

  @Field(() => String, { description: 'Tenant code of the active membership.' })
  tenantCode!: string;

  @Field(() => String, { description: 'Role in the active membership.' })
  role!: string;

  @Field(() => ID, { nullable: true, description: 'Work team (cadres).' })
  teamId!: string | null;

  @Field(() => [Membership], { description: 'Every membership of the user (empty for API keys).' })
  memberships!: Membership[];
}

@ObjectType({ simpleResolvers: true, description: 'A signed access token.' })
export class AuthPayload {
  @Field(() => String, { description: 'JWT to send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => Date, { description: 'When the token stops working; sign in again or renew before then.' })
  expiresAt!: Date;

  @Field(() => Me, { description: 'Who the token is for.' })
  me!: Me;
}
