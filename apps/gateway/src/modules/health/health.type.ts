import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'Liveness of the gateway and its database, for monitors and wall screens.',
})
export class Health {
  @Field(() => String, { description: '"ok" when the gateway is serving requests.' })
  status!: string;

  @Field(() => String, { description: 'Gateway version.' })
  version!: string;

  @Field(() => Boolean, { description: 'True when the database answered a query in this request.' })
  database!: boolean;

  @Field(() => Date, { description: 'Server time (ISO 8601, UTC).' })
  serverTime!: Date;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A periodic signal on a subscription, so screens can show that their live link works.',
})
export class Heartbeat {
  @Field(() => Number, { description: 'Sequence number, starting at 1 for each subscription.' })
  seq!: number;

  @Field(() => Date, { description: 'Server time of this beat (ISO 8601, UTC).' })
  at!: Date;
}
