import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'The WebSocket session after a token renewal.' })
export class SocketSession {
  @Field(() => String, { description: 'Who the socket acts as (unchanged by a renewal).' })
  subject!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the socket closes with 4403 unless renewed again; null for API keys.',
  })
  expiresAt!: Date | null;
}
