// The summary as a spreadsheet (exceljs): the rows the caller could read through `dailySummary`, nothing more —
// the export is built from that same result, so RLS already decided its scope.
import ExcelJS from 'exceljs';
import type { DailySummary, SummaryCounts } from './summary.types.js';

const COUNT_COLUMNS: readonly { key: keyof SummaryCounts; header: string }[] = [
  { key: 'visits', header: '走访 Visits' },
  { key: 'offHoursVisits', header: '错时走访 Off-hours' },
  { key: 'measurements', header: '丈量 Measured' },
  { key: 'assessments', header: '评估 Assessed' },
  { key: 'signings', header: '签约 Signed' },
  { key: 'signedAreaM2', header: '签约面积 m²' },
  { key: 'disputesOpened', header: '新增纠纷 Disputes opened' },
  { key: 'disputesResolved', header: '化解纠纷 Disputes resolved' },
  { key: 'plannedMeasure', header: '计划丈量 Planned measure' },
  { key: 'plannedAssess', header: '计划评估 Planned assess' },
  { key: 'fulfilledMeasure', header: '完成丈量 Done measure' },
  { key: 'fulfilledAssess', header: '完成评估 Done assess' },
  { key: 'fulfilment', header: '计划完成率 Fulfilment' },
];

function counts(row: SummaryCounts): (number | null)[] {
  return COUNT_COLUMNS.map((c) => row[c.key]);
}

export async function summaryWorkbook(summary: DailySummary): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'hanjiang-campaign';
  const teams = book.addWorksheet('工作组 Teams');
  teams.addRow(['日期 Day', '工作组编码 Team code', '工作组 Team', ...COUNT_COLUMNS.map((c) => c.header)]);
  for (const t of summary.teams) teams.addRow([summary.day, t.team.code, t.team.name, ...counts(t)]);
  const rollups = book.addWorksheet('汇总 Roll-up');
  rollups.addRow([
    '日期 Day',
    '层级 Level',
    '编码 Code',
    '名称 Name',
    '工作组数 Teams',
    ...COUNT_COLUMNS.map((c) => c.header),
  ]);
  for (const r of [...summary.townships, ...summary.headquarters, summary.total]) {
    rollups.addRow([summary.day, r.scopeKind, r.scopeCode, r.scopeName, r.teams, ...counts(r)]);
  }
  for (const sheet of [teams, rollups]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
