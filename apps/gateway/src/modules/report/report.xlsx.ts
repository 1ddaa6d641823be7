// The 推进会 report as a printable workbook (exceljs, as the nightly summary's export): one sheet per part, Chinese
// headings first, each sheet fitted to one page width for printing.
import ExcelJS from 'exceljs';
import type { ProgressReport } from './report.types.js';

type Cell = string | number | null;

function sheet(book: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]): void {
  const ws = book.addWorksheet(name, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  ws.addRow(header).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns.forEach((c) => (c.width = 18));
}

export async function reportWorkbook(r: ProgressReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'hanjiang-campaign';
  const { progress: g, pace, disputes: d, escalations: e } = r;
  sheet(
    book,
    '进度 Progress',
    ['项目 Item', '数值 Value'],
    [
      ['范围 Area', `${r.scope.nameZh} (${r.scope.code})`],
      ['期间 Period', `${r.from} — ${r.to}`],
      ['天数 Days', r.days],
      ['征迁户 Households', g.households],
      ['已签约户 Signed households', g.signedHouseholds],
      ['目标面积 m² Target area', g.targetAreaM2],
      ['已签约面积 m² Signed area', g.signedAreaM2],
      ['完成率 % Signed of target', g.signedPct],
      ['本期签约户 Signings in period', g.signingsInPeriod],
      ['本期签约面积 m² Signed in period', g.signedInPeriodM2],
      ['日均签约 m² Pace per day', pace.perDayM2],
      ['剩余天数 Days left', pace.daysLeft],
      ['每日需签约 m² Needed per day', pace.neededPerDayM2],
    ],
  );
  sheet(
    book,
    '工作组 Teams',
    [
      '工作组编码 Team code',
      '工作组 Team',
      '走访 Visits',
      '错时走访 Off-hours',
      '丈量 Measured',
      '评估 Assessed',
      '签约 Signed',
      '签约面积 m²',
      '新增纠纷 Disputes opened',
      '化解纠纷 Disputes resolved',
      '计划户次 Planned',
      '完成户次 Fulfilled',
      '计划完成率 Fulfilment',
    ],
    r.teams.map((t) => [
      t.code,
      t.name,
      t.visits,
      t.offHoursVisits,
      t.measurements,
      t.assessments,
      t.signings,
      t.signedAreaM2,
      t.disputesOpened,
      t.disputesResolved,
      t.planned,
      t.fulfilled,
      t.fulfilment,
    ]),
  );
  sheet(
    book,
    '矛盾纠纷 Disputes',
    [
      '本期新增 Opened',
      '本期化解 Resolved',
      '期末未化解 Open at end',
      '平均化解时长(小时) Mean hours to resolve',
    ],
    [[d.opened, d.resolved, d.openAtEnd, d.meanResolutionHours]],
  );
  sheet(
    book,
    '症结难题 Escalations',
    ['上报日期 Raised', '状态 State', '问题 Description', '所需支持 Help needed', '已历天数 Age (days)'],
    [
      ...e.open.map((x) => [x.raisedOn, x.state, x.description, x.helpNeeded, x.ageDays]),
      [],
      ['本期上报 Raised in period', e.raised],
      ['本期办结 Closed in period', e.closed],
    ],
  );
  sheet(
    book,
    '四察四看 Inspection',
    ['考评期 Period', '对象类别 Kind', '对象 Target', '得分 Score', '名次 Rank', '参评数 Of'],
    r.inspections.map((i) => [i.period, i.targetKind, i.name, i.score, i.rank, i.of]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
