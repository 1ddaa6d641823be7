import { useLang } from '@hanjiang/ui';
import { Tag } from 'antd';
import { type RankedUnit, rankingRowClass, unitName } from '../ranking.js';
import { DataTable } from './DataTable.js';

/**
 * One period's ranking, best first. Units ranked last repeatedly are highlighted by the row's colour and named
 * by a tag, so the flag does not depend on colour alone.
 */
export function InspectionTable({ rows, window }: { rows: readonly RankedUnit[]; window: number }) {
  const { t } = useLang();
  const flagged = rows.filter((r) => r.flaggedLast).length;
  return (
    <div>
      {flagged > 0 && (
        <p className="flag-summary" data-testid="flag-summary">
          {t('flaggedSummary', { count: flagged })}
        </p>
      )}
      <DataTable<RankedUnit>
        caption={t('inspectionsTitle')}
        rowKey={(r) => r.id}
        rows={rows}
        rowClassName={rankingRowClass}
        emptyText={t('noInspections')}
        testId="inspection-table"
        columns={[
          { key: 'rank', title: t('colRank'), render: (r) => r.rank },
          { key: 'name', title: t('colName'), render: unitName },
          { key: 'score', title: t('colScore'), numeric: true, render: (r) => r.score },
          {
            key: 'lastPlaces',
            title: t('colLastPlaces', { window }),
            numeric: true,
            render: (r) => r.lastPlaceCount,
          },
          {
            key: 'flag',
            title: t('colFlag'),
            render: (r) => (r.flaggedLast ? <Tag color="red">{t('flaggedLast')}</Tag> : null),
          },
        ]}
      />
    </div>
  );
}
