import { ErrorCode } from '@hanjiang/domain';
import type { GraphQLError } from 'graphql';
import { publicError } from './public-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * An id argument that cannot be an id at all is the caller's mistake, answered as BAD_USER_INPUT before any SQL
 * runs — a cast error inside the request's transaction would also abort every other field of the operation.
 */
export function requireUuid(value: string, argument: string): string {
  if (isUuid(value)) return value;
  throw badInput(
    { zh: `${argument} 不是有效的编号(UUID)`, en: `${argument} is not a valid id (UUID)` },
    { fields: [argument] },
  );
}

export function badInput(
  message: { zh: string; en: string },
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return publicError(ErrorCode.BAD_USER_INPUT, message, extensions);
}

/**
 * Free text a person typed (notes, outcomes, reasons): trimmed, and BAD_USER_INPUT naming the field when it is
 * shorter than `min` or longer than `max` characters. Empty optional text is null.
 */
export function requireText(
  value: string | null | undefined,
  field: string,
  min: number,
  max: number,
): string | null {
  const text = (value ?? '').trim();
  if (text.length === 0 && min === 0) return null;
  if (text.length < min || text.length > max) {
    throw badInput(
      { zh: `${field} 长度须为 ${min}–${max} 个字`, en: `${field} must be ${min}–${max} characters` },
      { fields: [field] },
    );
  }
  return text;
}
