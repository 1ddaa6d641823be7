// Splitting a village's total area over its households so that the sums are exact to the centimetre²:
// the article's 1.85 M m² must add up, not come out as 1,849,999.97 after rounding each household.
import type { Rng } from './prng.js';

/**
 * `count` log-normal weights with spread `sigma`, capped at `capRatio` times the median so that one
 * giant factory does not take a whole village.
 */
export function logNormalWeights(rng: Rng, count: number, sigma: number, capRatio = 12): number[] {
  return Array.from({ length: count }, () => Math.min(capRatio, Math.exp(sigma * rng.normal())));
}

/**
 * Splits `total` (in hundredths, an integer) into integer parts proportional to `weights`, each at
 * least `floor`, summing exactly to `total` (largest-remainder rounding, ties by position).
 */
export function splitExactly(total: number, weights: readonly number[], floor: number): number[] {
  const count = weights.length;
  if (count === 0) return [];
  const spread = total - floor * count;
  if (spread < 0) throw new RangeError(`cannot split ${total} into ${count} parts of at least ${floor}`);
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const exact = weights.map((w) => (spread * w) / weightSum);
  const parts = exact.map((x) => Math.floor(x));
  let left = spread - parts.reduce((sum, p) => sum + p, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => p + floor);
}

/** Hundredths as the decimal text PostgreSQL's NUMERIC takes exactly ("1234.05"). */
export function centsToDecimal(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents - whole * 100).padStart(2, '0')}`;
}
