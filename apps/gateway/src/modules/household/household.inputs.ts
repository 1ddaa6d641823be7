import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Stage } from '../../graphql/enums.js';

export enum HouseholdOrderField {
  CODE = 'CODE',
  BUILDING_AREA = 'BUILDING_AREA',
  UPDATED_AT = 'UPDATED_AT',
}
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(HouseholdOrderField, {
  name: 'HouseholdOrderField',
  description: 'Sort key of households.',
});
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Ascending or descending.' });

@InputType({ description: 'Filters on households; all given conditions must hold.' })
export class HouseholdFilter {
  @Field(() => String, { nullable: true, description: 'Township code.' })
  townshipCode?: string;

  @Field(() => String, { nullable: true, description: 'Headquarters code.' })
  headquartersCode?: string;

  @Field(() => ID, { nullable: true, description: 'Village id.' })
  villageId?: string;

  @Field(() => ID, { nullable: true, description: 'Work team id.' })
  teamId?: string;

  @Field(() => [Stage], { nullable: true, description: 'Any of these stages.' })
  stages?: Stage[];

  @Field(() => String, { nullable: true, description: 'Text in the owner name or household code.' })
  search?: string;
}

@InputType({ description: 'Sort order of households.' })
export class HouseholdOrder {
  @Field(() => HouseholdOrderField, { defaultValue: HouseholdOrderField.CODE, description: 'Sort key.' })
  field!: HouseholdOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
  direction!: OrderDirection;
}
