import {
  DistrictOverviewDocument,
  type DistrictOverviewQuery,
  type HanjiangClient,
  publicMessage,
  type PublicMessage,
} from '@hanjiang/client';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { Spin } from 'antd';
import { useEffect, useState } from 'react';
import { CampaignNumbers } from './CampaignNumbers.js';
import { HeadquartersProgress } from './HeadquartersProgress.js';
import { PairsProgress } from './PairsProgress.js';

/** Every tenant's progress side by side: the campaign, the seven headquarters, the ten townships in pairs. */
export function Overview({ client }: { client: HanjiangClient }) {
  const { t } = useLang();
  const [data, setData] = useState<DistrictOverviewQuery | null>(null);
  const [error, setError] = useState<PublicMessage | null>(null);
  useEffect(() => {
    let current = true;
    void client.urql
      .query(DistrictOverviewDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!current) return;
        setError(publicMessage(result.error));
        setData(result.data ?? null);
      });
    return () => {
      current = false;
    };
  }, [client]);
  if (error) return <ErrorBanner error={error} />;
  if (!data) return <Spin aria-label={t('loading')} />;
  return (
    <div className="overview">
      {data.campaign && <CampaignNumbers campaign={data.campaign} />}
      <HeadquartersProgress rows={data.headquartersBoard} />
      <PairsProgress pairingBoard={data.pairingBoard} townshipBoard={data.townshipBoard} />
    </div>
  );
}
