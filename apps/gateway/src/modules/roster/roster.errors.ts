import { ErrorCode, publicError } from '../../errors/public-error.js';

/** Why a roster row (or its header) was refused. Part of the API: values never change meaning. */
export enum ImportErrorCode {
  MISSING_COLUMN = 'MISSING_COLUMN',
  DUPLICATE_COLUMN = 'DUPLICATE_COLUMN',
  REQUIRED = 'REQUIRED',
  INVALID_CODE = 'INVALID_CODE',
  INVALID_NAME = 'INVALID_NAME',
  INVALID_ID_NUMBER = 'INVALID_ID_NUMBER',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_AREA = 'INVALID_AREA',
  UNKNOWN_VILLAGE = 'UNKNOWN_VILLAGE',
  AMBIGUOUS_VILLAGE = 'AMBIGUOUS_VILLAGE',
  VILLAGE_OUT_OF_SCOPE = 'VILLAGE_OUT_OF_SCOPE',
  UNKNOWN_TEAM = 'UNKNOWN_TEAM',
  TEAM_NOT_IN_VILLAGE = 'TEAM_NOT_IN_VILLAGE',
  DUPLICATE_IN_FILE = 'DUPLICATE_IN_FILE',
  DUPLICATE_EXISTS = 'DUPLICATE_EXISTS',
}

export interface RowError {
  /** CSV line or worksheet row (the header is counted; the first data row under a header on line 1 is 2). */
  readonly line: number;
  /** The column as headed in the file, or null for a problem with the whole row. */
  readonly column: string | null;
  readonly code: ImportErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
}

export function rowError(
  line: number,
  column: string | null,
  code: ImportErrorCode,
  zh: string,
  en: string,
): RowError {
  return { line, column, code, messageZh: zh, messageEn: en };
}

/** A problem with the file as a whole (not base64, not a spreadsheet, empty, too large): BAD_USER_INPUT. */
export function badFile(zh: string, en: string, extensions: Record<string, unknown> = {}) {
  return publicError(ErrorCode.BAD_USER_INPUT, { zh, en }, extensions);
}
