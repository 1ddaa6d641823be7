// Guided values for generated writes: a stage transition only gets past its checks with the household's current
// version and the next (or, for a revert, any) stage, which random numbers almost never hit. Where the generated
// input names a household, two times in three (decided by the generated idempotency key, so a seed replays) the
// version and target stage are set from the database; the rest stay random (stale versions, wrong stages).
import { type Stage, nextStage } from '@hanjiang/domain';
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
  if ('toStage' in input) input.toStage = nextStage(row.stage) ?? row.stage;
}
