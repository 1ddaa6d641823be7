import { HqOverviewDocument, ResettlementSitesDocument, type HanjiangClient } from '@hanjiang/client';
import { ErrorBanner, ProgressBar, useLang } from '@hanjiang/ui';
import { Spin } from 'antd';
import { useMemo } from 'react';
import { useQuery } from '../hooks/use-query.js';
import { CreateSiteForm } from './CreateSiteForm.js';

/** The headquarters' resettlement sites and the units they have left; commanders register new ones. */
export function Sites({
  client,
  hqCode,
  mayCreate,
}: {
  client: HanjiangClient;
  hqCode: string;
  mayCreate: boolean;
}) {
  const { t } = useLang();
  const sites = useQuery(client, ResettlementSitesDocument, { headquartersCode: hqCode });
  const overview = useQuery(client, HqOverviewDocument, { headquartersCode: hqCode });
  // A site lies in a township where the headquarters has villages (the gateway checks it again).
  const townships = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const v of overview.data?.villages ?? [])
      if (v.headquarters.code === hqCode) byCode.set(v.township.code, v.township.nameZh);
    return [...byCode].map(([code, nameZh]) => ({ code, nameZh }));
  }, [overview.data, hqCode]);
  const list = sites.data?.resettlementSites ?? [];

  return (
    <section aria-labelledby="sites-title" className="hq-card">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <ErrorBanner error={sites.error} />
      {!sites.data && !sites.error && <Spin />}
      {sites.data && list.length === 0 && <p className="muted">{t('noSites')}</p>}
      {list.length > 0 && (
        <div className="hq-scroll">
          <table className="hq-table" data-testid="sites">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('township')}</th>
                <th scope="col" className="num">
                  {t('planned')}
                </th>
                <th scope="col" className="num">
                  {t('available')}
                </th>
                <th scope="col">{t('allocated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{s.township.nameZh}</td>
                  <td className="num">{s.plannedUnits}</td>
                  <td className="num" data-testid="available">
                    {s.availableUnits}
                  </td>
                  <td className="hq-progress-cell">
                    <ProgressBar label={t('allocated')} part={s.allocatedUnits} total={s.plannedUnits} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayCreate && (
        <CreateSiteForm client={client} hqCode={hqCode} townships={townships} onCreated={sites.reload} />
      )}
    </section>
  );
}
