// XLSX rosters. The first worksheet that has rows is the roster; numbers stay numbers so the validator can tell a
// cadre that an ID number typed into a number cell has lost its last digits.
//
// A hostile workbook is small on the wire and huge once read: 50,000 rows with one cell each in column XFD is a
// 247 KB file that exceljs (and any reader that builds rows as arrays up to their last column) expands into
// gigabytes. So the file is read as a stream (yauzl for the ZIP, saxes for the XML) and nothing is sized from it:
// until the header row is found only the first MAX_COLUMNS columns are read, after it only the roster's known
// columns; every row and cell element counts against a cap as it streams past; the sheet's declared dimension is
// checked before any row; and each part's inflated size is capped. Streams yield to the event loop between
// chunks, so an import never stalls other tenants' requests for long.
import { normalizeHeader } from './roster.columns.js';
import { badFile } from './roster.errors.js';
import type { Cell, RawRow } from './roster.rows.js';
import { type ReadBudget, readSharedStrings, readSheet, type SheetReader } from './roster.xlsx-sheet.js';
import { notXlsx, openXlsxZip, tooLarge, type XlsxZip } from './roster.xlsx-zip.js';
import path from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** Uncompressed size all parts together may declare: a small file must not inflate into gigabytes. */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
/** Inflated size of one worksheet or of the shared strings. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Inflated size of the workbook's small parts (sheet list, relationships). */
const MAX_SMALL_PART_BYTES = 1024 * 1024;
/** Columns read while looking for the header row (a roster has 8; titles and notes add a few). */
export const MAX_COLUMNS = 64;
/** Cell elements one file may hold, read or skipped (50,000 households × 20 columns). */
export const MAX_CELLS = 1_000_000;
/**
 * Rows with nothing in the columns read before a sheet's first row with content; past it the sheet counts as empty.
 * Without it, 50,000 rows with one cell each in column XFD were streamed to the end (≈ 0.1–0.3 s of CPU a file).
 */
export const MAX_BLANK_ROWS_BEFORE_CONTENT = 1_000;
/** Stops reading a sheet that has shown no content for too long. */
class BlankSheet extends Error {}

export interface XlsxReadOptions {
  /** Rows with anything in the columns read, and <row> elements of any kind, one sheet may hold. */
  readonly maxRows: number;
  /** Rows above the header (titles) to look through before giving up on finding it. */
  readonly maxTitleRows: number;
  /** Whether a header cell's normalised text names a roster column. */
  readonly knows: (normalizedHeader: string) => boolean;
}

/**
 * Collects the rows of one sheet. Before the header (the first row naming at least three known columns) it reads
 * the first MAX_COLUMNS columns; from the header on, only the columns whose header is known — the others are
 * skipped as they stream past, whatever their number.
 */
class RowCollector implements SheetReader {
  readonly rows: RawRow[] = [];
  private header: ReadonlySet<number> | null = null;
  private searching = true;
  private blank = 0;

  constructor(private readonly options: XlsxReadOptions) {}

  wants(col: number): boolean {
    return this.header ? this.header.has(col) : col <= MAX_COLUMNS;
  }

  row(line: number, cells: Map<number, Cell>): void {
    if (cells.size === 0) {
      this.blank += 1;
      if (this.rows.length === 0 && this.blank > MAX_BLANK_ROWS_BEFORE_CONTENT) throw new BlankSheet();
      return;
    }
    if (this.rows.length >= this.options.maxRows) throw tooManyRows(this.options.maxRows);
    const width = Math.max(...cells.keys());
    this.rows.push({ line, cells: Array.from({ length: width }, (_, i) => cells.get(i + 1) ?? '') });
    if (!this.searching) return;
    const known = [...cells]
      .filter(([, value]) => this.options.knows(normalizeHeader(String(value))))
      .map(([col]) => col);
    if (known.length >= 3) {
      this.header = new Set(known);
      this.searching = false;
    } else if (this.rows.length > this.options.maxTitleRows) {
      this.searching = false; // no header: the first MAX_COLUMNS columns are read, and the file is refused later
    }
  }
}

/** Attribute by local name (`r:id`, or any other prefix bound to the relationships namespace). */
function attribute(tag: SaxesTagPlain, localName: string): string | undefined {
  for (const [name, value] of Object.entries(tag.attributes as Record<string, string>)) {
    if (name === localName || name.endsWith(`:${localName}`)) return value;
  }
  return undefined;
}

/** Every element of a small XML part, as (local name, tag). */
async function elements(zip: XlsxZip, name: string): Promise<SaxesTagPlain[]> {
  const found: SaxesTagPlain[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => found.push(tag));
  try {
    for await (const chunk of zip.text(name, MAX_SMALL_PART_BYTES, {
      zh: '工作簿目录',
      en: 'workbook index',
    })) {
      parser.write(chunk);
    }
    parser.close();
  } catch {
    throw notXlsx();
  }
  return found;
}

const localName = (tag: SaxesTagPlain) => tag.name.slice(tag.name.indexOf(':') + 1);

/** Paths of the worksheets in workbook order, and of the shared strings part. */
async function workbookParts(zip: XlsxZip): Promise<{ sheets: string[]; sharedStrings: string | null }> {
  const targets = new Map<string, { type: string; path: string }>();
  for (const rel of await elements(zip, 'xl/_rels/workbook.xml.rels')) {
    const id = rel.attributes.Id;
    const target = rel.attributes.Target;
    if (localName(rel) !== 'Relationship' || !id || !target) continue;
    const resolved = target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target);
    targets.set(id, { type: String(rel.attributes.Type ?? ''), path: path.posix.normalize(resolved) });
  }
  const sheets: string[] = [];
  for (const tag of await elements(zip, 'xl/workbook.xml')) {
    if (localName(tag) !== 'sheet') continue;
    const target = targets.get(attribute(tag, 'id') ?? '');
    if (target && zip.sizes.has(target.path)) sheets.push(target.path);
  }
  if (sheets.length === 0) {
    // No readable index: the conventional names, in number order.
    const number = (p: string) => Number(/(\d+)\.xml$/.exec(p)?.[1] ?? 0);
    sheets.push(
      ...[...zip.sizes.keys()]
        .filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))
        .sort((a, b) => number(a) - number(b)),
    );
  }
  const shared = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'))?.path;
  const sharedStrings = shared ?? 'xl/sharedStrings.xml';
  return { sheets, sharedStrings: zip.sizes.has(sharedStrings) ? sharedStrings : null };
}

/**
 * Rows (with anything in the columns read) of the first worksheet that has any. Each read is bounded here; how
 * many run at once is the import's admission (roster.admission.ts).
 */
export async function readXlsxRows(bytes: Buffer, options: XlsxReadOptions): Promise<RawRow[]> {
  const zip = await openXlsxZip(bytes);
  try {
    const declared = [...zip.sizes.values()].reduce((sum, size) => sum + size, 0);
    if (declared > MAX_UNZIPPED_BYTES) throw tooLarge({ zh: '内容', en: 'content' }, MAX_UNZIPPED_BYTES);
    const { sheets, sharedStrings } = await workbookParts(zip);
    if (sheets.length === 0) throw notXlsx();
    const limits = { maxRowElements: options.maxRows, maxCells: MAX_CELLS, maxSharedStrings: MAX_CELLS };
    const shared = sharedStrings
      ? await readSharedStrings(
          zip.text(sharedStrings, MAX_PART_BYTES, { zh: '共享字符串表', en: 'shared strings table' }),
          limits,
        )
      : [];
    const budget: ReadBudget = { cells: 0 };
    for (const sheet of sheets) {
      const collector = new RowCollector(options);
      try {
        await readSheet(
          zip.text(sheet, MAX_PART_BYTES, { zh: '工作表', en: 'worksheet' }),
          shared,
          collector,
          limits,
          budget,
        );
      } catch (error) {
        if (error instanceof BlankSheet) continue; // nothing near its top: not the roster
        throw error;
      }
      if (collector.rows.length > 0) return collector.rows;
    }
    return [];
  } finally {
    zip.close();
  }
}

function tooManyRows(maxRows: number) {
  return badFile(
    `工作表超过 ${maxRows} 行上限,请拆分文件`,
    `The worksheet has more than ${maxRows} rows; split the file`,
  );
}
