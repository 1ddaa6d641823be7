// Row checks that need nothing but the row: required cells, code and name shape, GB 11643 ID numbers, mobile
// phones, areas. Checks against the database (villages, teams, taken codes) follow in roster.resolve.ts.
import { isValidChineseIdNumber, isValidMobilePhone } from '@hanjiang/domain';
import { columnName, type HeaderMapping, type RosterField } from './roster.columns.js';
import { ImportErrorCode as E, type RowError, rowError } from './roster.errors.js';
import type { Cell, RawRow } from './roster.parse.js';

/** A row as read: its cells are trustworthy only when the import found no error anywhere. */
export interface RowCandidate {
  readonly line: number;
  readonly code: string;
  readonly ownerName: string;
  readonly idNumber: string;
  readonly phone: string | null;
  readonly village: string;
  /** Areas in hundredths of a m² (exact, as NUMERIC(12,2) holds them); -1 when invalid. */
  readonly buildingCentiM2: number;
  readonly landCentiM2: number;
  readonly teamCode: string | null;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const AREA = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
/** NUMERIC(12,2): below 10^10 m². */
const MAX_CENTI = 1e12 - 1;

/** Exact hundredths of the text "1,234.5", or null. A spreadsheet number is rounded only when it is 2-decimal. */
export function parseCentiM2(cell: Cell): number | null {
  if (typeof cell === 'number') {
    const centi = Math.round(cell * 100);
    return Number.isFinite(cell) && Math.abs(cell * 100 - centi) < 1e-6 && centi >= 0 ? centi : null;
  }
  const match = AREA.exec(cell.trim());
  if (!match) return null;
  return Number(match[1]!.replaceAll(',', '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 11-digit mobile number without spaces, dashes or a +86 prefix, or null. */
export function normalizePhone(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return isValidMobilePhone(digits) ? digits : null;
}

export function validateRow(
  row: RawRow,
  mapping: HeaderMapping,
  now: Date,
): { candidate: RowCandidate; errors: RowError[] } {
  const errors: RowError[] = [];
  const cell = (field: RosterField): Cell => {
    const i = mapping.index[field];
    const value = i === undefined ? '' : (row.cells[i] ?? '');
    return typeof value === 'string' ? value.trim() : value;
  };
  const text = (field: RosterField) => String(cell(field));
  const fail = (field: RosterField, code: E, zh: string, en: string) =>
    errors.push(rowError(row.line, columnName(mapping, field), code, zh, en));
  const required = (field: RosterField): boolean => {
    if (text(field) !== '') return true;
    fail(
      field,
      E.REQUIRED,
      `${columnName(mapping, field)}不能为空`,
      `${columnName(mapping, field)} is required`,
    );
    return false;
  };

  const code = text('code');
  if (required('code') && !CODE.test(code)) {
    fail(
      'code',
      E.INVALID_CODE,
      `户号“${code}”格式不正确:只能用字母、数字和 . _ -,最多 64 位`,
      `Household code "${code}" is malformed: letters, digits and . _ - only, at most 64 characters`,
    );
  }
  const ownerName = text('ownerName');
  if (required('ownerName') && (ownerName.length > 50 || /\p{Cc}/u.test(ownerName))) {
    fail(
      'ownerName',
      E.INVALID_NAME,
      '户主姓名过长或含有控制字符',
      'Owner name is too long or has control characters',
    );
  }
  const idCell = cell('idNumber');
  const idNumber = String(idCell).replace(/\s/g, '').toUpperCase();
  if (typeof idCell === 'number') {
    fail(
      'idNumber',
      E.INVALID_ID_NUMBER,
      '身份证号被存成了数字,末几位已丢失:请把该列设为文本格式后重新填写',
      'The ID number was stored as a number and lost its last digits: format the column as text and re-enter it',
    );
  } else if (required('idNumber') && !isValidChineseIdNumber(idNumber, now)) {
    fail(
      'idNumber',
      E.INVALID_ID_NUMBER,
      `身份证号“${idNumber}”无效(须为 18 位,出生日期和校验位正确)`,
      `ID number "${idNumber}" is invalid (18 characters with a real birth date and a correct GB 11643 check digit)`,
    );
  }
  const phoneText = text('phone');
  const phone = phoneText === '' ? null : normalizePhone(phoneText);
  if (phoneText !== '' && phone === null) {
    fail(
      'phone',
      E.INVALID_PHONE,
      `电话“${phoneText}”不是有效的手机号码(11 位,以 13–19 开头)`,
      `Phone "${phoneText}" is not a valid mobile number (11 digits starting 13–19)`,
    );
  }
  const village = text('village');
  required('village');
  const area = (field: 'buildingAreaM2' | 'landAreaM2', positive: boolean): number => {
    if (!required(field)) return -1;
    const centi = parseCentiM2(cell(field));
    if (centi === null || centi > MAX_CENTI || (positive && centi === 0)) {
      const rule = positive ? { zh: '大于 0', en: 'greater than 0' } : { zh: '不小于 0', en: 'at least 0' };
      fail(
        field,
        E.INVALID_AREA,
        `${columnName(mapping, field)}“${text(field)}”无效:须为${rule.zh}的数字,最多两位小数`,
        `${columnName(mapping, field)} "${text(field)}" is invalid: a number ${rule.en} with at most 2 decimals`,
      );
      return -1;
    }
    return centi;
  };
  const buildingCentiM2 = area('buildingAreaM2', true);
  const landCentiM2 = area('landAreaM2', false);
  const teamCode = text('teamCode') || null;
  return {
    candidate: {
      line: row.line,
      code,
      ownerName,
      idNumber,
      phone,
      village,
      buildingCentiM2,
      landCentiM2,
      teamCode,
    },
    errors,
  };
}
