/**
 * Delay before reconnect attempt `attempt` (0 = the first retry): exponential from `baseMs`, capped at `maxMs`,
 * with "full jitter" (a random point in [delay/2, delay]) so a hall of screens does not reconnect in lock step
 * after a gateway restart.
 */
export function backoffDelay(
  attempt: number,
  {
    baseMs = 500,
    maxMs = 15_000,
    random = Math.random,
  }: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
