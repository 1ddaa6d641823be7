import type { DistrictBoardRowFieldsFragment as Row } from '@hanjiang/client';
import { useLang } from '@hanjiang/ui';
import { useMemo } from 'react';
import { type Pair, pairsOf } from '../pairs.js';
import { DataTable } from './DataTable.js';
import { LazyBars } from './LazyBars.js';

function Side({ row }: { row: Row | undefined }) {
  if (!row) return <span>—</span>;
  return (
    <span className="side" data-scope={row.scopeCode}>
      <strong>{row.name}</strong>{' '}
      <span>
        {row.signedHouseholdsPct}%({row.signed}/{row.households})
      </span>
    </span>
  );
}

/** The townships, each mountain township beside the plain township it helps, pairs ranked. */
export function PairsProgress({
  pairingBoard,
  townshipBoard,
}: {
  pairingBoard: readonly Row[];
  townshipBoard: readonly Row[];
}) {
  const { t } = useLang();
  const pairs = useMemo(() => pairsOf(pairingBoard, townshipBoard), [pairingBoard, townshipBoard]);
  const categories = useMemo(() => pairs.map((p) => p.pairing.name), [pairs]);
  const mountainName = t('colMountain');
  const plainName = t('colPlain');
  const series = useMemo(
    () => [
      {
        name: mountainName,
        values: pairs.map((p) => p.mountain?.signedHouseholdsPct ?? 0),
        color: '#7d1a21',
      },
      { name: plainName, values: pairs.map((p) => p.plain?.signedHouseholdsPct ?? 0), color: '#d9822b' },
    ],
    [pairs, mountainName, plainName],
  );
  return (
    <section aria-labelledby="pairs-title" className="panel">
      <h2 id="pairs-title">{t('pairsTitle')}</h2>
      <LazyBars label={t('pairsTitle')} categories={categories} series={series} max={100} />
      <DataTable<Pair>
        caption={t('pairsTitle')}
        rowKey={(p) => p.pairing.scopeCode}
        rows={pairs}
        testId="pairs-table"
        columns={[
          { key: 'rank', title: t('colRank'), render: (p) => p.pairing.rank },
          {
            key: 'pair',
            title: t('colPair'),
            render: (p) => `${p.pairing.name}(${p.pairing.signedHouseholdsPct}%)`,
          },
          { key: 'mountain', title: t('colMountain'), render: (p) => <Side row={p.mountain} /> },
          { key: 'plain', title: t('colPlain'), render: (p) => <Side row={p.plain} /> },
        ]}
      />
    </section>
  );
}
