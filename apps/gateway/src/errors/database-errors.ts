import { type BilingualMessage, ErrorCode } from '@hanjiang/domain';

export interface MappedDatabaseError {
  readonly code: ErrorCode;
  readonly message: BilingualMessage;
  /** A short public label of the cause (the SQLSTATE's name), never the server's own text. */
  readonly detail: string;
}

const BAD_INPUT: BilingualMessage = {
  zh: '提交的数据格式不正确或超出允许范围',
  en: 'A value in the input is malformed or out of range',
};
const BUSY: BilingualMessage = {
  zh: '服务繁忙,请稍后再试',
  en: 'The service is busy; please try again shortly',
};

/**
 * PostgreSQL's data exceptions that only a value the caller sent can cause — the last line behind the
 * resolvers' own checks, so malformed input never reads as a server fault. Listed by name, not by class 22
 * as a whole: division by zero and the like are the gateway's bugs and stay INTERNAL_SERVER_ERROR.
 */
const INPUT_SQLSTATES: Readonly<Record<string, string>> = {
  '22P02': 'invalid_text_representation', // 'abc'::uuid, 'x'::numeric
  '22021': 'character_not_in_repertoire', // a NUL byte in text
  '22P05': 'untranslatable_character', // a NUL byte in jsonb
  '22003': 'numeric_value_out_of_range',
  '22001': 'string_data_right_truncation',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
};

/** The server refused to wait or run longer: the caller may retry; nothing about its input was wrong. */
const BUSY_SQLSTATES: Readonly<Record<string, string>> = {
  '57014': 'statement_timeout', // query_canceled: statement_timeout fired
  '55P03': 'lock_not_available',
  '25P03': 'idle_in_transaction_session_timeout',
  '53300': 'too_many_connections',
};

/** pg-pool's message when no connection became free within `connectionTimeoutMillis`. */
const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;

/** The public form of a database or pool error, or null when it is not one the caller should see as such. */
export function mapDatabaseError(error: unknown): MappedDatabaseError | null {
  if (!(error instanceof Error)) return null;
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === 'string') {
    const input = INPUT_SQLSTATES[sqlState];
    if (input) return { code: ErrorCode.BAD_USER_INPUT, message: BAD_INPUT, detail: input };
    const busy = BUSY_SQLSTATES[sqlState];
    if (busy) return { code: ErrorCode.SERVICE_UNAVAILABLE, message: BUSY, detail: busy };
  }
  if (POOL_TIMEOUT.test(error.message)) {
    return { code: ErrorCode.SERVICE_UNAVAILABLE, message: BUSY, detail: 'connection_pool_exhausted' };
  }
  return null;
}
