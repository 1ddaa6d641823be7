import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, errorMessages } from '@hanjiang/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger.js';
import { mapDatabaseError } from './database-errors.js';

/** graphql-armor reports its limits as validation errors; they are QUERY_TOO_COMPLEX to clients. */
const LIMIT_MESSAGE =
  /(Query Cost limit|Query depth limit|Aliases limit|Directives limit|Token limit|Max tokens)/i;

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Extensions that steer the server or help a developer and are never part of the public error: `http` (status
 * and headers for Apollo — the HTTP answer already says it), stack traces and wrapped exceptions.
 */
const INTERNAL_EXTENSIONS = ['http', 'stacktrace', 'exception', 'originalError'] as const;

function publicExtensions(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const copy = { ...extensions };
  for (const key of INTERNAL_EXTENSIONS) delete copy[key];
  return copy;
}

/** Apollo's own codes for malformed requests, mapped onto the public enum. */
const APOLLO_CODES: Record<string, ErrorCode> = {
  [ApolloServerErrorCode.GRAPHQL_PARSE_FAILED]: ErrorCode.BAD_USER_INPUT,
  [ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED]: ErrorCode.BAD_USER_INPUT,
  [ApolloServerErrorCode.BAD_USER_INPUT]: ErrorCode.BAD_USER_INPUT,
  [ApolloServerErrorCode.BAD_REQUEST]: ErrorCode.BAD_USER_INPUT,
  [ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE]: ErrorCode.BAD_USER_INPUT,
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND]: ErrorCode.BAD_USER_INPUT,
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED]: ErrorCode.BAD_USER_INPUT,
};

/**
 * The public code a refusal before execution is answered with (what the formatter below gives it), for the
 * refusal audit: a public error keeps its code, armor's limits are QUERY_TOO_COMPLEX, Apollo's request errors
 * BAD_USER_INPUT; null for anything else (not a refusal: an internal error).
 */
export function refusalCode(error: {
  readonly message: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}): string | null {
  const raw = error.extensions?.code;
  const code = typeof raw === 'string' ? raw : '';
  if (PUBLIC_CODES.has(code)) return code;
  if (LIMIT_MESSAGE.test(error.message)) return ErrorCode.QUERY_TOO_COMPLEX;
  return APOLLO_CODES[code] ?? null;
}

/**
 * Every error leaving the gateway carries a public code and a bilingual message. Anything unexpected is logged
 * with the request id and replaced by INTERNAL_SERVER_ERROR: no stack, no SQL, no internals reach a client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const rawCode = formatted.extensions?.code;
    const code = typeof rawCode === 'string' ? rawCode : '';
    // Only errors made by publicError() are passed through; Apollo labels unknown ones INTERNAL_SERVER_ERROR too.
    if (PUBLIC_CODES.has(code) && typeof formatted.extensions?.messageZh === 'string') {
      return { ...formatted, extensions: publicExtensions(formatted.extensions) };
    }
    const mapped = LIMIT_MESSAGE.test(formatted.message) ? ErrorCode.QUERY_TOO_COMPLEX : APOLLO_CODES[code];
    if (mapped) {
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: {
          code: mapped,
          detail: code,
          messageZh: errorMessages[mapped].zh,
          messageEn: formatted.message,
        },
      };
    }
    const cause = unwrapResolverError(error);
    // Errors outside resolvers (context creation: an API-key lookup that found no free connection) carry the
    // database's error as their originalError without a path, which unwrapResolverError leaves wrapped.
    const database =
      mapDatabaseError(cause) ??
      (cause instanceof GraphQLError && cause.originalError ? mapDatabaseError(cause.originalError) : null);
    if (database) {
      // Expected under load or bad input, not a bug: a warning with the cause, a public code to the client.
      logger.warn({ err: cause, path: formatted.path, detail: database.detail }, 'database refused');
      return {
        message: database.message.en,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code: database.code,
          detail: database.detail,
          messageZh: database.message.zh,
          messageEn: database.message.en,
        },
      };
    }
    logger.error({ err: cause, path: formatted.path }, 'unexpected error');
    const internal = errorMessages[ErrorCode.INTERNAL_SERVER_ERROR];
    return {
      message: internal.en,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageZh: internal.zh, messageEn: internal.en },
    };
  };
}
