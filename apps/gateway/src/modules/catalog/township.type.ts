import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A township (乡镇): one of the ten township tenants, mountain or plain.' })
export class Township {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Tenant code, the pinyin slug (e.g. `baitang`).' })
  code!: string;

  @Field(() => String, { description: 'Chinese name (e.g. 白塘镇).' })
  nameZh!: string;

  @Field(() => String, { description: '`mountain` (山区) or `plain` (平原).' })
  terrain!: string;

  @Field(() => String, { nullable: true, description: 'Code of the township it is paired with (结对乡镇).' })
  pairCode!: string | null;
}

@ObjectType({ description: 'A headquarters (指挥部) commanding one project area across townships.' })
export class Headquarters {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Tenant code (e.g. `baitang-lake`).' })
  code!: string;

  @Field(() => String, { description: 'Chinese name (e.g. 白塘湖片区).' })
  nameZh!: string;

  @Field(() => String, { description: '`park` (园区), `area` (片区) or `renewal` (老旧小区改造).' })
  kind!: string;
}
