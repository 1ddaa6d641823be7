import { randomUUID } from 'node:crypto';
import { gql, type GraphQLResponse } from './graphql.js';
import { tokenFor } from './sessions.js';

export const ADVANCE = `mutation ($input: AdvanceStageInput!) { advanceStage(input: $input) { id stage version } }`;
export const REVERT = `mutation ($input: RevertStageInput!) { revertStage(input: $input) { id stage version } }`;

/** The payload each stage needs, with plausible values. */
export function payloadFor(toStage: string): Record<string, unknown> {
  switch (toStage) {
    case 'MEASURED':
      return { measuredBuildingAreaM2: 321.5, measuredLandAreaM2: 200.25 };
    case 'ASSESSED':
      return { assessedAmountYuan: '1234567.89' };
    case 'SIGNED':
      return { agreedAmountYuan: '1250000.00', compensationChoice: 'CASH' };
    default:
      return {};
  }
}

export async function advance(
  url: string,
  username: string,
  household: { id: string; version: number },
  toStage: string,
  key: string = randomUUID(),
): Promise<GraphQLResponse<{ advanceStage: { id: string; stage: string; version: number } }>> {
  const token = await tokenFor(url, username);
  return gql(
    url,
    ADVANCE,
    {
      input: {
        householdId: household.id,
        toStage,
        idempotencyKey: key,
        expectedVersion: household.version,
        ...payloadFor(toStage),
      },
    },
    { authorization: `Bearer ${token}` },
  );
}
