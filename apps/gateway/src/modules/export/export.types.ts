import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'File format of an export: CSV (UTF-8 with BOM, for Excel) or XLSX.',
});

@ObjectType({ description: 'A short-lived link that downloads an export with GET, without any header.' })
export class ExportLink {
  @Field(() => String, {
    description:
      'Path of the download on this gateway (e.g. `/exports/households?ticket=…`); resolve it against the URL ' +
      'you sent the query to. Valid until expiresAt, for the caller that asked.',
  })
  url!: string;

  @Field(() => Date, { description: 'After this instant the link is refused.' })
  expiresAt!: Date;

  @Field(() => ExportFormat, { description: 'The file format.' })
  format!: ExportFormat;

  @Field(() => Int, { description: 'Rows the export holds now (it is read when downloaded).' })
  rowCount!: number;
}
