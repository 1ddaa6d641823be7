import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { UnreachableCaseError } from '@hanjiang/domain';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { ExportCell } from './export.rows.js';
import { ExportFormat } from './export.types.js';

/** Writes header and rows to the HTTP response as they come, honouring its back-pressure. */
export interface ExportWriter {
  row(cells: readonly ExportCell[]): Promise<void>;
  end(): Promise<void>;
}

/** The response's content type and the file name's extension. */
export const FILE_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  [ExportFormat.CSV]: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  [ExportFormat.XLSX]: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
};

export function exportWriter(format: ExportFormat, out: Writable, header: readonly string[]): ExportWriter {
  switch (format) {
    case ExportFormat.CSV:
      return csvWriter(out, header);
    case ExportFormat.XLSX:
      return xlsxWriter(out, header);
    default:
      throw new UnreachableCaseError(format);
  }
}

/** csv-stringify quotes what needs quoting; a UTF-8 BOM first so Excel reads the Chinese text as UTF-8. */
function csvWriter(out: Writable, header: readonly string[]): ExportWriter {
  out.write('\uFEFF');
  const csv = stringify({ header: true, columns: [...header], cast: { number: (n) => String(n) } });
  csv.pipe(out);
  return {
    async row(cells) {
      if (!csv.write(cells.map((c) => c ?? ''))) await once(csv, 'drain');
    },
    async end() {
      csv.end();
      await once(csv, 'end');
    },
  };
}

/**
 * exceljs's streaming writer: each committed row goes out through its ZIP stream, so memory stays flat however
 * many rows; inline strings (no shared-string table, which would be held until the end).
 */
function xlsxWriter(out: Writable, header: readonly string[]): ExportWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('households');
  sheet.addRow([...header]).commit();
  return {
    async row(cells) {
      sheet.addRow([...cells]).commit();
      // The ZIP stream does not report back-pressure: wait for the response to drain instead.
      if (out.writableNeedDrain) await once(out, 'drain');
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
