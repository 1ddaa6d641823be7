// Validation of an inspection's total and its 四察四看 sub-scores.
import { ErrorCode, publicError } from '../../errors/public-error.js';

const MAX_ITEMS = 16;
const MAX_ITEMS_JSON = 4_096;

function bad(zh: string, en: string) {
  return publicError(ErrorCode.BAD_USER_INPUT, { zh, en });
}

const isScore = (n: unknown): n is number =>
  typeof n === 'number' &&
  Number.isFinite(n) &&
  n >= 0 &&
  n <= 100 &&
  Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

export function checkScore(score: number): void {
  if (!isScore(score))
    throw bad('总分须在 0 到 100 之间,最多两位小数', 'score must be 0–100 with at most 2 decimals');
}

/**
 * Sub-scores: an object whose values are numbers or objects with a numeric `score` (other keys such as labelZh
 * are kept). When there are any, they must add up to the total (to the hundredth).
 */
export function checkItems(items: unknown, score: number): Record<string, unknown> {
  if (items === undefined || items === null) return {};
  if (typeof items !== 'object' || Array.isArray(items)) {
    throw bad(
      '分项得分须为对象,如 { "progress": 22.5 }',
      'items must be an object, e.g. { "progress": 22.5 }',
    );
  }
  const entries = Object.entries(items as Record<string, unknown>);
  if (entries.length > MAX_ITEMS || JSON.stringify(items).length > MAX_ITEMS_JSON) {
    throw bad('分项过多或内容过长', 'Too many items, or items too long');
  }
  let centi = 0;
  for (const [key, value] of entries) {
    const sub = typeof value === 'object' && value !== null ? (value as { score?: unknown }).score : value;
    if (!isScore(sub)) {
      throw bad(`分项“${key}”的得分须在 0 到 100 之间`, `Item "${key}" needs a score between 0 and 100`);
    }
    centi += Math.round(sub * 100);
  }
  if (entries.length > 0 && centi !== Math.round(score * 100)) {
    throw bad(
      `分项得分之和 ${centi / 100} 与总分 ${score} 不一致`,
      `The items add up to ${centi / 100}, not to the score ${score}`,
    );
  }
  return items as Record<string, unknown>;
}

export function checkNote(note: string | null | undefined): string | null {
  const text = note?.trim() ?? '';
  if (text.length > 2_000) throw bad('备注最多 2000 字', 'note is at most 2,000 characters');
  return text === '' ? null : text;
}
