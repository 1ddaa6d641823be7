import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Dispute } from '../dispute/dispute.types.js';
import { Visit } from '../visit/visit.types.js';

export enum FieldWorkKind {
  VISIT = 'VISIT',
  DISPUTE = 'DISPUTE',
}
registerEnumType(FieldWorkKind, {
  name: 'FieldWorkKind',
  description:
    'What changed: VISIT (a visit recorded) or DISPUTE (a dispute opened, moved, resolved or escalated).',
});

@ObjectType({
  description:
    'One field-work change, re-read under the caller’s row-level security after COMMIT. Select `team { ' +
    'openDisputes }` or `household { openDisputes }` to refresh a team’s standing or a household card.',
})
export class FieldWorkChange {
  @Field(() => FieldWorkKind, { description: 'Which kind of row changed.' })
  kind!: FieldWorkKind;

  @Field(() => ID, { description: 'The household the visit or dispute concerns.' })
  householdId!: string;

  @Field(() => ID, { nullable: true, description: 'The household’s team at the time of the change.' })
  teamId!: string | null;

  @Field(() => Visit, { nullable: true, description: 'The visit, when `kind` is VISIT.' })
  visit!: Visit | null;

  @Field(() => Dispute, {
    nullable: true,
    description: 'The dispute as it now stands, when `kind` is DISPUTE.',
  })
  dispute!: Dispute | null;
}

@InputType({ description: 'Which field-work changes to receive (within what the caller may see anyway).' })
export class FieldWorkFilter {
  @Field(() => ID, { nullable: true, description: 'Only this team’s households.' })
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this township’s households (township code).' })
  townshipCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only this headquarters’ households (headquarters code).',
  })
  headquartersCode?: string | null;
}
