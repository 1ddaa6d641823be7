import { TownshipFiltersDocument, type HanjiangClient, type TownshipFiltersQuery } from '@hanjiang/client';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { useEffect, useState } from 'react';
import { filtersKey, useHouseholdPages, type Filters } from '../use-household-pages.js';
import { HouseholdFilters } from './HouseholdFilters.js';
import { HouseholdList } from './HouseholdList.js';

/**
 * The township's households: filters, then the virtualised list; the gateway decides what is visible. The filters
 * are the caller's (the portal keeps them while a card is open, so "back" finds the list as it was filtered).
 */
export function Households({
  client,
  townshipCode,
  filters,
  setFilters,
}: {
  client: HanjiangClient;
  townshipCode: string;
  filters: Filters;
  setFilters: (next: Filters) => void;
}) {
  const { t } = useLang();
  const [options, setOptions] = useState<TownshipFiltersQuery | null>(null);
  const pages = useHouseholdPages(client, filters);

  useEffect(() => {
    void client.urql
      .query(TownshipFiltersDocument, { townshipCode })
      .toPromise()
      .then((r) => setOptions(r.data ?? null));
  }, [client, townshipCode]);

  return (
    <section aria-labelledby="households-title">
      <h2 id="households-title">
        {t('householdsTitle')}{' '}
        <span className="muted">
          {pages.totalCount === null ? '…' : t('householdsCount', { count: pages.totalCount })}
        </span>
      </h2>
      <HouseholdFilters options={options} filters={filters} onChange={setFilters} />
      <ErrorBanner error={pages.error} />
      <HouseholdList pages={pages} filterKey={filtersKey(filters)} onLoadMore={pages.loadMore} />
    </section>
  );
}
