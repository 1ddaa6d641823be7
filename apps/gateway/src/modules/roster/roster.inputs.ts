import { Field, InputType, registerEnumType } from 'type-graphql';

export enum RosterFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(RosterFormat, {
  name: 'RosterFormat',
  description: 'File format of a household roster: CSV (UTF-8 with or without BOM, or GBK) or XLSX.',
});

@InputType({
  description:
    'A household roster (征迁户花名册) to import. Columns, Chinese or English headers: 户号/code, 户主/ownerName, ' +
    '身份证号/idNumber, 电话/phone (optional), 村/village (code or Chinese name), 建筑面积/buildingAreaM2, ' +
    '占地面积/landAreaM2, 工作组/teamCode (optional).',
})
export class ImportHouseholdsInput {
  @Field(() => String, { description: 'The file, base64-encoded (at most 8 MB decoded, 50,000 rows).' })
  fileBase64!: string;

  @Field(() => RosterFormat, { description: 'CSV or XLSX.' })
  format!: RosterFormat;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Validate only: report every bad row and write nothing, even when every row is good.',
  })
  dryRun!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Headquarters the roster is for: every village must be in its project area. Defaults to the caller’s own ' +
      'tenant (a district admin without it may import into any village).',
  })
  headquartersCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Township the roster is for: every village must be in it. At most one of the two codes.',
  })
  townshipCode?: string | null;
}
