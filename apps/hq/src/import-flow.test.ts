import { describe, expect, it } from 'vitest';
import { importable, readAsBase64, rosterFormat, type ImportResult } from './import-flow.js';

const file = { name: 'r.csv', format: 'CSV' as const, base64: 'YQ==' };
const result = (errors: number, totalRows = 3): ImportResult => ({
  dryRun: true,
  totalRows,
  importedRows: 0,
  buildingAreaM2: 0,
  errors: Array.from({ length: errors }, (_, i) => ({
    line: i + 2,
    column: null,
    code: 'REQUIRED' as const,
    messageZh: '缺',
    messageEn: 'missing',
  })),
});

describe('roster import flow', () => {
  it('knows CSV and XLSX by extension, whatever the case, and nothing else', () => {
    expect(rosterFormat('花名册.CSV')).toBe('CSV');
    expect(rosterFormat('roster.v2.xlsx')).toBe('XLSX');
    expect(rosterFormat('roster.xls')).toBeNull();
    expect(rosterFormat('csv')).toBeNull();
  });

  it('offers the real import only for a file whose dry run found no error', () => {
    expect(importable({ phase: 'checked', file, result: result(0) })).toBe(file);
    expect(importable({ phase: 'checked', file, result: result(1) })).toBeNull();
    expect(importable({ phase: 'checked', file, result: result(0, 0) })).toBeNull(); // an empty file
    expect(importable({ phase: 'validating', file })).toBeNull();
    expect(importable({ phase: 'imported', result: result(0) })).toBeNull();
  });

  it('reads a file as the base64 the gateway takes', async () => {
    const seen: number[] = [];
    const base64 = await readAsBase64(new Blob(['户号,户主\n']), (p) => seen.push(p));
    expect(Buffer.from(base64, 'base64').toString('utf8')).toBe('户号,户主\n');
    expect(seen.at(-1)).toBe(100);
  });
});
