// The rows a roster file yields, whatever its format: what the CSV and XLSX readers produce and parse consumes.
export type Cell = string | number;

export interface RawRow {
  /** Line of a CSV file or row number of the worksheet, counting the header (and any title rows above it). */
  readonly line: number;
  readonly cells: readonly Cell[];
}
