// XLSX rosters, read with exceljs. The first worksheet that has rows is the roster; numbers stay numbers so
// the validator can tell a cadre that an ID number typed into a number cell has lost its last digits.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { GraphQLError } from 'graphql';
import { badFile } from './roster.errors.js';
import type { Cell, RawRow } from './roster.parse.js';

/** Uncompressed size an XLSX may declare: a small file must not inflate into gigabytes. */
const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

/**
 * Total uncompressed size the ZIP's central directory declares, or null when the bytes are not a ZIP archive
 * (every XLSX is one). Read before inflating anything.
 */
export function declaredUnzippedBytes(zip: Buffer): number | null {
  const floor = Math.max(0, zip.length - 0xffff - 22);
  for (let i = zip.length - 22; i >= floor; i -= 1) {
    if (zip.readUInt32LE(i) !== 0x06054b50) continue; // end of central directory
    const entries = zip.readUInt16LE(i + 10);
    let offset = zip.readUInt32LE(i + 16);
    let total = 0;
    for (let e = 0; e < entries; e += 1) {
      if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) return null;
      total += zip.readUInt32LE(offset + 24);
      offset +=
        46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    }
    return total;
  }
  return null;
}

type ExcelValue = ExcelJS.CellValue | undefined;

function cellOf(value: ExcelValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellOf(value.result);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

/**
 * Rows of the first worksheet that has any, read with exceljs's streaming reader (styles ignored: a roster needs
 * values, and skipping styles halves the time), stopping with an error past `maxRows`.
 */
export async function readXlsxRows(bytes: Buffer, maxRows: number): Promise<RawRow[]> {
  const unzipped = declaredUnzippedBytes(bytes);
  if (unzipped === null) {
    throw badFile(
      '不是有效的 XLSX 文件(请另存为 Excel 工作簿 .xlsx;旧版 .xls 不支持)',
      'Not a valid XLSX file (save it as an Excel workbook, .xlsx; legacy .xls is not supported)',
    );
  }
  if (unzipped > MAX_UNZIPPED_BYTES) {
    throw badFile('XLSX 文件解压后过大', 'The XLSX file is too large once uncompressed');
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
  });
  const rows: RawRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (rows.length >= maxRows) throw tooManyRows();
        // exceljs numbers columns from 1: values[0] is always empty.
        const values = row.values as ExcelValue[];
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellOf(values[i + 1]));
        rows.push({ line: row.number, cells });
      }
      if (rows.length > 0) break;
    }
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    throw badFile('XLSX 文件已损坏或无法读取', 'The XLSX file is damaged or cannot be read');
  }
  return rows;
}

function tooManyRows() {
  return badFile('工作表行数过多,请拆分文件', 'The worksheet has too many rows; split the file');
}
