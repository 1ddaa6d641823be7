// Offline phones retry (issue 14): every field-work create carries the client's idempotency key. One rule for all
// of them: the same key with the same request returns the first result; the same key with a different request is
// IDEMPOTENCY_KEY_REUSED; keys are per signed-in subject, as for stage transitions.
import { createHash } from 'node:crypto';
import { ErrorCode, publicError } from './public-error.js';

/** The key, trimmed, or BAD_USER_INPUT when it is too short to be unique or too long to store. */
export function checkIdempotencyKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length < 8 || trimmed.length > 200) {
    throw publicError(
      ErrorCode.BAD_USER_INPUT,
      { zh: '幂等键长度须为 8–200 个字符', en: 'idempotencyKey must be 8–200 characters' },
      { fields: ['idempotencyKey'] },
    );
  }
  return trimmed;
}

/** What makes two requests "the same": every field but the key, with keys sorted and empty values dropped. */
export function requestHash(kind: string, fields: Record<string, unknown>): string {
  const canonical = JSON.stringify([
    kind,
    Object.entries(fields)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** A retry of an earlier request: its row if the request is the same, IDEMPOTENCY_KEY_REUSED if not. */
export function replayOrRefuse<T extends { requestHash: string }>(previous: T, hash: string): T {
  if (previous.requestHash === hash) return previous;
  throw publicError(ErrorCode.IDEMPOTENCY_KEY_REUSED);
}
