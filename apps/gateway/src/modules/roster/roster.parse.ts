// Turns an uploaded roster (base64 CSV or XLSX) into a header and numbered rows of cells. Only the file's shape
// is judged here; what the cells say is judged by roster.validate.ts.
import { parse } from 'csv-parse/sync';
import { normalizeHeader } from './roster.columns.js';
import { badFile } from './roster.errors.js';
import { RosterFormat } from './roster.inputs.js';
import type { RawRow } from './roster.rows.js';
import { readXlsxRows } from './roster.xlsx.js';

/** A cell as the file holds it: text, or a number where a spreadsheet stored one (IDs lose digits that way). */
export type { Cell, RawRow } from './roster.rows.js';

export interface RawRoster {
  readonly headers: string[];
  readonly headerLine: number;
  readonly rows: RawRow[];
}

/** Data rows one import may carry (the campaign's largest headquarters has ~4,000 households). */
export const MAX_ROWS = 50_000;
/** Decoded file size one import may carry. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Rows above the header a roster may have (a title such as "白塘湖片区征迁户花名册"). */
const MAX_TITLE_ROWS = 10;

export function decodeBase64(fileBase64: string): Buffer {
  const compact = fileBase64.replace(/\s+/g, '');
  if (compact.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw badFile('文件内容不是有效的 Base64 编码', 'fileBase64 is not valid base64');
  }
  if ((compact.length * 3) / 4 > MAX_FILE_BYTES + 3) {
    throw badFile(
      `文件过大:最多 ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      `The file is too large: at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
    );
  }
  return Buffer.from(compact, 'base64');
}

/**
 * Text of a CSV file: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), or — when the
 * bytes are not UTF-8 — GB18030/GBK, which Excel on Chinese Windows writes by default.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The delimiter of the first line: comma, tab or semicolon, whichever occurs most. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

function parseCsv(bytes: Buffer): RawRow[] {
  const text = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes with where it ended; csv-parse's typings do not say so.
    records = parse(text, {
      bom: true,
      info: true,
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      to: MAX_ROWS + MAX_TITLE_ROWS + 2,
    }) as unknown as typeof records;
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw badFile(
      `CSV 文件无法解析${where ? `(第 ${where} 行附近)` : ''}:请检查引号是否成对`,
      `The CSV file cannot be parsed${where ? ` near line ${where}` : ''}: check that quotes are balanced`,
      { line: where ?? null },
    );
  }
  // csv-parse reports the line a record ends on; a quoted cell may span lines.
  return records.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
}

function isBlank(row: RawRow): boolean {
  return row.cells.every((c) => String(c).trim() === '');
}

/** The header is the first row naming at least three known columns; rows above it are titles. */
function findHeader(rows: RawRow[], knows: (header: string) => boolean): number {
  const limit = Math.min(rows.length, MAX_TITLE_ROWS + 1);
  for (let i = 0; i < limit; i += 1) {
    const known = rows[i]!.cells.filter((c) => knows(normalizeHeader(String(c)))).length;
    if (known >= 3) return i;
  }
  return rows.findIndex((r) => !isBlank(r));
}

export async function readRoster(
  fileBase64: string,
  format: RosterFormat,
  knows: (normalizedHeader: string) => boolean,
): Promise<RawRoster> {
  const bytes = decodeBase64(fileBase64);
  const all =
    format === RosterFormat.XLSX
      ? await readXlsxRows(bytes, {
          maxRows: MAX_ROWS + MAX_TITLE_ROWS + 2,
          maxTitleRows: MAX_TITLE_ROWS,
          knows,
        })
      : parseCsv(bytes);
  const headerAt = findHeader(all, knows);
  if (headerAt < 0) throw badFile('文件是空的:没有表头和数据行', 'The file is empty: no header and no rows');
  const header = all[headerAt]!;
  const rows = all.slice(headerAt + 1).filter((r) => !isBlank(r));
  if (rows.length === 0) throw badFile('文件只有表头,没有数据行', 'The file has a header but no data rows');
  if (rows.length > MAX_ROWS) {
    throw badFile(
      `一次最多导入 ${MAX_ROWS} 户,请拆分文件`,
      `At most ${MAX_ROWS} rows per import; split the file`,
    );
  }
  return { headers: header.cells.map((c) => String(c).trim()), headerLine: header.line, rows };
}
