import type { DistrictBoardRowFieldsFragment as Row } from '@hanjiang/client';
import { useLang } from '@hanjiang/ui';
import { useMemo } from 'react';
import { DataTable } from './DataTable.js';
import { LazyBars } from './LazyBars.js';

const n = (value: number) => Math.round(value).toLocaleString('zh-CN');

/** The headquarters board: a chart of signed percentages, and the table with every figure. */
export function HeadquartersProgress({ rows }: { rows: readonly Row[] }) {
  const { t } = useLang();
  const categories = useMemo(() => rows.map((r) => r.name), [rows]);
  const seriesName = t('chartSignedPct');
  const series = useMemo(
    () => [{ name: seriesName, values: rows.map((r) => r.signedHouseholdsPct), color: '#b7262f' }],
    [rows, seriesName],
  );
  return (
    <section aria-labelledby="hq-title" className="panel">
      <h2 id="hq-title">{t('hqTitle')}</h2>
      <LazyBars label={t('hqTitle')} categories={categories} series={series} max={100} />
      <DataTable<Row>
        caption={t('hqTitle')}
        rowKey={(r) => r.scopeCode}
        rows={rows}
        testId="hq-table"
        columns={[
          { key: 'rank', title: t('colRank'), render: (r) => r.rank },
          { key: 'name', title: t('colName'), render: (r) => r.name },
          { key: 'households', title: t('colHouseholds'), numeric: true, render: (r) => n(r.households) },
          {
            key: 'measured',
            title: t('colMeasured'),
            numeric: true,
            render: (r) => `${n(r.measured)}(${r.measuredPct}%)`,
          },
          { key: 'signed', title: t('colSigned'), numeric: true, render: (r) => n(r.signed) },
          {
            key: 'signedPct',
            title: t('colSignedPct'),
            numeric: true,
            render: (r) => `${r.signedHouseholdsPct}%`,
          },
          { key: 'area', title: t('colSignedArea'), numeric: true, render: (r) => n(r.signedAreaM2) },
          { key: 'today', title: t('colSignedToday'), numeric: true, render: (r) => n(r.signedToday) },
        ]}
      />
    </section>
  );
}
