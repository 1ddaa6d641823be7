import {
  type HanjiangClient,
  OpenEscalationsDocument,
  type OpenEscalationsQuery,
  publicMessage,
  type PublicMessage,
} from '@hanjiang/client';
import { ESCALATION_STATE_LABELS } from '@hanjiang/domain';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { useEffect, useState } from 'react';
import { DataTable } from './DataTable.js';

type Row = OpenEscalationsQuery['escalations'][number];

/** A blocker open this long is overdue for the supervision group's meeting (the table marks it). */
const OVERDUE_DAYS = 7;

const TIME = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }),
};

/** 症结难题 still open across the district, oldest first (the gateway's order), with their age in days. */
export function Escalations({ client }: { client: HanjiangClient }) {
  const { lang, t } = useLang();
  const [rows, setRows] = useState<readonly Row[] | null>(null);
  const [error, setError] = useState<PublicMessage | null>(null);
  useEffect(() => {
    let current = true;
    void client.urql
      .query(OpenEscalationsDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!current) return;
        setError(publicMessage(result.error));
        setRows(result.data?.escalations ?? []);
      });
    return () => {
      current = false;
    };
  }, [client]);
  return (
    <section aria-labelledby="escalations-title">
      <h2 id="escalations-title">{t('escalationsTitle')}</h2>
      <ErrorBanner error={error} />
      <DataTable<Row>
        caption={t('escalationsTitle')}
        testId="escalations"
        busy={rows === null}
        rows={rows ?? []}
        rowKey={(r) => r.id}
        rowClassName={(r) => (r.ageDays >= OVERDUE_DAYS ? 'overdue' : '')}
        emptyText={rows === null ? undefined : t('noEscalations')}
        columns={[
          { key: 'hq', title: t('colEscHeadquarters'), render: (r) => r.headquarters.nameZh },
          { key: 'description', title: t('colEscDescription'), prose: true, render: (r) => r.description },
          { key: 'help', title: t('colEscHelp'), prose: true, render: (r) => r.helpNeeded },
          {
            key: 'state',
            title: t('colEscState'),
            render: (r) => ESCALATION_STATE_LABELS[r.state][lang] + (r.meeting ? ` · ${r.meeting}` : ''),
          },
          { key: 'raised', title: t('colEscRaised'), render: (r) => TIME[lang].format(new Date(r.raisedAt)) },
          {
            key: 'age',
            title: t('colEscAge'),
            numeric: true,
            render: (r) => t('escAgeDays', { days: r.ageDays.toFixed(1) }),
          },
        ]}
      />
    </section>
  );
}
