// Streaming SAX readers (saxes: strict, well-kept, no DTD entity expansion) for the two XLSX parts a roster needs:
// the shared strings and a worksheet. Nothing is ever sized from what the file claims: a cell is kept only when
// the caller wants its column, every row and cell element counts against a cap as it streams past, and the
// sheet's declared <dimension> is refused before any row is read when it claims more rows than an import allows.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { badFile } from './roster.errors.js';
import type { Cell } from './roster.rows.js';

export interface SheetLimits {
  /** Rows (of any kind) a sheet may declare in its <dimension> or hold as <row> elements. */
  readonly maxRowElements: number;
  /** Cell elements (<c>) all sheets of one file may hold together, kept or not. */
  readonly maxCells: number;
  /** Shared strings a file may hold. */
  readonly maxSharedStrings: number;
}

/** Characters one cell may hold: Excel's own limit, so a single cell cannot grow into megabytes. */
export const MAX_CELL_CHARS = 32_767;

/** Counts shared across every part read for one import, so several sheets cannot multiply the caps. */
export interface ReadBudget {
  cells: number;
}

/** The local name of an element (`x:row` → `row`): some writers prefix the spreadsheet namespace. */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function parserFor(): SaxesParser {
  return new SaxesParser({ xmlns: false, position: false });
}

async function feed(parser: SaxesParser, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) parser.write(chunk);
  parser.close();
}

function damaged() {
  return badFile('XLSX 文件已损坏或无法读取', 'The XLSX file is damaged or cannot be read');
}

/** Runs a SAX pass, turning XML syntax errors into "damaged file" (caps and other refusals pass through). */
async function run(parser: SaxesParser, chunks: AsyncIterable<string>): Promise<void> {
  let syntaxError = false;
  parser.on('error', (error) => {
    syntaxError = true;
    throw error;
  });
  try {
    await feed(parser, chunks);
  } catch (error) {
    if (syntaxError) throw damaged();
    throw error;
  }
}

export async function readSharedStrings(
  chunks: AsyncIterable<string>,
  limits: SheetLimits,
): Promise<string[]> {
  const strings: string[] = [];
  const parser = parserFor();
  let current: string | null = null;
  let inText = false;
  let phonetic = 0; // <rPh> runs hold phonetic guides, not cell text
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'si') current = '';
    else if (name === 'rPh') phonetic += 1;
    else if (name === 't' && phonetic === 0) inText = !tag.isSelfClosing;
  });
  parser.on('text', (text) => {
    if (!inText || current === null) return;
    current += text;
    if (current.length > MAX_CELL_CHARS) throw cellTooLong();
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic -= 1;
    else if (name === 'si') {
      if (strings.length >= limits.maxSharedStrings) throw tooManyCells(limits.maxSharedStrings, 'shared');
      strings.push(current ?? '');
      current = null;
    }
  });
  await run(parser, chunks);
  return strings;
}

/** 1-based column of a cell reference ("XFD12" → 16384), or null when it is not one. */
export function columnOf(ref: string): number | null {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(ref)?.[1];
  if (!letters) return null;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** Last row a <dimension ref="A1:XFD1048576"> declares, or null when it declares none. */
export function declaredLastRow(ref: string): number | null {
  const last = ref.split(':').pop() ?? '';
  const digits = /(\d+)$/.exec(last)?.[1];
  return digits ? Number(digits) : null;
}

function cellValue(type: string | undefined, text: string, shared: readonly string[]): Cell {
  switch (type ?? 'n') {
    case 's':
      return shared[Number.parseInt(text, 10)] ?? '';
    case 'inlineStr':
    case 'str':
    case 'd':
      return text;
    case 'b':
      return text.trim() === '' ? '' : String(Number.parseInt(text, 10) !== 0);
    case 'e':
      return '';
    default: {
      if (text.trim() === '') return '';
      const number = Number(text);
      return Number.isNaN(number) ? text : number;
    }
  }
}

export interface SheetReader {
  /** Whether cells of this 1-based column are wanted at this point of the sheet (called per cell). */
  wants(col: number): boolean;
  /** A finished row: its 1-based number and the wanted cells that hold anything, by 1-based column. */
  row(line: number, cells: Map<number, Cell>): void;
}

export async function readSheet(
  chunks: AsyncIterable<string>,
  shared: readonly string[],
  reader: SheetReader,
  limits: SheetLimits,
  budget: ReadBudget,
): Promise<void> {
  const parser = parserFor();
  let rowElements = 0;
  let line = 0;
  let cells: Map<number, Cell> | null = null;
  let col = 0;
  let cell: { col: number; type: string | undefined; text: string } | null = null;
  let inValue = false;
  let inInline = false;
  let phonetic = 0;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const attrs = tag.attributes as Record<string, string>;
    switch (local(tag.name)) {
      case 'dimension': {
        const last = declaredLastRow(attrs.ref ?? '');
        if (last !== null && last > limits.maxRowElements) {
          throw dimensionTooLarge(attrs.ref ?? '', limits.maxRowElements);
        }
        break;
      }
      case 'row': {
        rowElements += 1;
        if (rowElements > limits.maxRowElements) throw tooManyRowElements(limits.maxRowElements);
        const declared = Number.parseInt(attrs.r ?? '', 10);
        line = Number.isInteger(declared) && declared > 0 ? declared : line + 1;
        cells = new Map();
        col = 0;
        break;
      }
      case 'c': {
        budget.cells += 1;
        if (budget.cells > limits.maxCells) throw tooManyCells(limits.maxCells, 'cells');
        col = (attrs.r ? columnOf(attrs.r) : null) ?? col + 1;
        cell = cells && reader.wants(col) ? { col, type: attrs.t, text: '' } : null;
        break;
      }
      case 'v':
        inValue = cell !== null && !tag.isSelfClosing;
        break;
      case 'is':
        inInline = cell !== null && !tag.isSelfClosing;
        break;
      case 'rPh':
        phonetic += 1;
        break;
      default:
        break;
    }
  });
  parser.on('text', (text) => {
    if (!cell || !(inValue || (inInline && phonetic === 0))) return;
    cell.text += text;
    if (cell.text.length > MAX_CELL_CHARS) throw cellTooLong();
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    switch (local(tag.name)) {
      case 'v':
        inValue = false;
        break;
      case 'is':
        inInline = false;
        break;
      case 'rPh':
        phonetic -= 1;
        break;
      case 'c':
        if (cell && cells) {
          const value = cellValue(cell.type, cell.text, shared);
          if (String(value).trim() !== '') cells.set(cell.col, value);
        }
        cell = null;
        break;
      case 'row':
        if (cells) reader.row(line, cells);
        cells = null;
        break;
      default:
        break;
    }
  });
  await run(parser, chunks);
}

function dimensionTooLarge(ref: string, maxRows: number) {
  return badFile(
    `工作表声明的范围 ${ref} 超过 ${maxRows} 行上限:请删除多余的空行后另存,或拆分文件`,
    `The worksheet declares the range ${ref}, more than the limit of ${maxRows} rows: delete the unused rows and save again, or split the file`,
  );
}

function tooManyRowElements(maxRows: number) {
  return badFile(
    `工作表超过 ${maxRows} 行上限(含空行):请删除多余的空行或拆分文件`,
    `The worksheet has more than ${maxRows} rows (counting empty ones); delete unused rows or split the file`,
  );
}

function tooManyCells(max: number, kind: 'cells' | 'shared') {
  return kind === 'cells'
    ? badFile(
        `XLSX 文件超过 ${max} 个单元格上限:请删除多余的行列或拆分文件`,
        `The XLSX file has more than ${max} cells; delete unused rows and columns or split the file`,
      )
    : badFile(
        `XLSX 文件超过 ${max} 个共享字符串上限:请拆分文件`,
        `The XLSX file has more than ${max} shared strings; split the file`,
      );
}

function cellTooLong() {
  return badFile(
    `XLSX 文件中有单元格超过 ${MAX_CELL_CHARS} 个字符上限`,
    `A cell of the XLSX file holds more than ${MAX_CELL_CHARS} characters`,
  );
}
