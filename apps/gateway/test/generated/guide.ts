// Guided values for generated writes: a stage transition only gets past its checks with the household's current
// version and the next (or, for a revert, any) stage, which random numbers almost never hit. Where the generated
// input names a household, two times in three (decided by the generated idempotency key, so a seed replays) the
// version, the next stage and the facts that stage needs are set; the rest stay random (stale versions, wrong
// stages, missing facts).
import { CompensationChoice, type Stage, nextStage, requiredPayloadFor } from '@hanjiang/domain';
import type pg from 'pg';

export async function guide(owner: pg.Pool, value: unknown): Promise<void> {
  if (Array.isArray(value)) {
    for (const v of value) await guide(owner, v);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const input = value as Record<string, unknown>;
  for (const v of Object.values(input)) await guide(owner, v);
  const id = input.householdId;
  const key = typeof input.idempotencyKey === 'string' ? input.idempotencyKey : '';
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id) || key.length % 3 === 0) return;
  const { rows } = await owner.query<{ version: number; stage: Stage }>(
    'SELECT version, stage FROM household WHERE id = $1',
    [id],
  );
  const row = rows[0];
  if (!row) return;
  if ('expectedVersion' in input) input.expectedVersion = row.version;
  if (!('toStage' in input)) return;
  const to = nextStage(row.stage) ?? row.stage;
  input.toStage = to;
  // The facts the target stage must carry (packages/domain), where the generated input left them out.
  const choice = input.compensationChoice === CompensationChoice.PROPERTY_SWAP ? 'PROPERTY_SWAP' : 'CASH';
  for (const field of requiredPayloadFor(to, choice)) {
    const name = field.replace(/Fen$/, 'Yuan'); // the API takes exact yuan strings; the domain counts fen
    if (input[name] !== undefined && input[name] !== null) continue;
    input[name] = PLAUSIBLE[name] ?? null;
  }
}

const PLAUSIBLE: Readonly<Record<string, unknown>> = {
  measuredBuildingAreaM2: 120.5,
  measuredLandAreaM2: 180.25,
  assessedAmountYuan: '350000.00',
  agreedAmountYuan: '360000.00',
  compensationChoice: CompensationChoice.CASH,
};
