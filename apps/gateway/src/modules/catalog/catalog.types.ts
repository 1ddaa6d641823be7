import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'A township (乡镇): one of the ten township tenants, mountain or plain.',
})
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

@ObjectType({
  simpleResolvers: true,
  description: 'A headquarters (指挥部) commanding one project area across townships.',
})
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

@ObjectType({
  simpleResolvers: true,
  description: 'A village (村) in one township, inside one headquarters’ project area.',
})
export class Village {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Village code, unique in the district.' })
  code!: string;

  @Field(() => String, { description: 'Chinese name (e.g. 江尾村).' })
  name!: string;

  townshipId!: string;
  headquartersId!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A district unit (区直单位) that seconds cadres to work teams.',
})
export class DistrictUnit {
  @Field(() => String, { description: 'Unit code.' })
  code!: string;

  @Field(() => String, { description: 'Chinese name (e.g. 区委办).' })
  nameZh!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A work team (拆迁工作组) from a township or a district unit, working for one headquarters.',
})
export class Team {
  @Field(() => ID, { description: 'Stable id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Team code, unique in the district.' })
  code!: string;

  @Field(() => String, { description: 'Chinese name (e.g. 白沙拆迁组江尾分组).' })
  name!: string;

  @Field(() => Int, { description: 'Number of cadres in the team.' })
  memberCount!: number;

  homeTownshipId!: string | null;
  headquartersId!: string;
  parentId!: string | null;
  homeUnitCode!: string | null;
  homeUnitName!: string | null;
}
