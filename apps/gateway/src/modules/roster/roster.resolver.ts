import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { ImportHouseholdsInput } from './roster.inputs.js';
import { ImportResult } from './roster.types.js';

@Resolver()
export class RosterResolver {
  @Mutation(() => ImportResult, {
    description:
      'Import a household roster (CSV or XLSX), all or nothing: every row is validated and every bad row is ' +
      'reported with its line; households (stage SURVEYED) are written only when all rows are good and dryRun ' +
      'is false. Township or headquarters commanders (into their own tenant) and the district admin.',
  })
  importHouseholds(
    @Ctx() ctx: GatewayContext,
    @Arg('input', () => ImportHouseholdsInput, { description: 'The file and where it goes.' })
    input: ImportHouseholdsInput,
  ): Promise<ImportResult> {
    return ctx.services.roster.importHouseholds(ctx, input);
  }
}
