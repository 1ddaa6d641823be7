import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportErrorCode } from './roster.errors.js';

registerEnumType(ImportErrorCode, {
  name: 'ImportErrorCode',
  description: 'Why a roster row or header was refused.',
});

@ObjectType({
  simpleResolvers: true,
  description: 'One problem in a roster: a bad cell, a bad row or a missing column.',
})
export class ImportRowError {
  @Field(() => Int, {
    description:
      'Line of the CSV file or row of the worksheet, header included (first data row is usually 2).',
  })
  line!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Column as headed in the file; null for the whole row.',
  })
  column!: string | null;

  @Field(() => ImportErrorCode, { description: 'Machine-readable reason.' })
  code!: ImportErrorCode;

  @Field(() => String, { description: 'Reason in Chinese, for the cadre who fixes the file.' })
  messageZh!: string;

  @Field(() => String, { description: 'Reason in English.' })
  messageEn!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Outcome of a roster import. All or nothing: households are written only when `errors` is empty and ' +
    '`dryRun` is false; otherwise nothing is written and every bad row is listed.',
})
export class ImportResult {
  @Field(() => Boolean, { description: 'True when this was a validation-only run (nothing written).' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Data rows in the file (blank rows and the header not counted).' })
  totalRows!: number;

  @Field(() => Int, { description: 'Households written: totalRows on success, otherwise 0.' })
  importedRows!: number;

  @Field(() => Float, {
    description: 'Building area of the rows whose area is valid, m²: what the counters rise by on success.',
  })
  buildingAreaM2!: number;

  @Field(() => [ImportRowError], {
    description: 'Every problem found, by line; empty when the file is good.',
  })
  errors!: ImportRowError[];
}
