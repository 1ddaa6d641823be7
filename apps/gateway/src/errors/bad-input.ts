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
