import {
  DailySummaryDocument,
  DailySummaryPublishedDocument,
  type DailySummaryQuery,
  DailySummaryXlsxDocument,
  type HanjiangClient,
  publicMessage,
  type PublicMessage,
} from '@hanjiang/client';
import { downloadXlsx as download, ErrorBanner, useLang } from '@hanjiang/ui';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { DataTable } from './DataTable.js';

type Summary = DailySummaryQuery['dailySummary'];
type Rollup = Summary['total'];

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
});
const AREA = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** Last night's summary (精准汇总): the district total, each headquarters and each township's teams, and the XLSX. */
export function DailySummary({ client }: { client: HanjiangClient }) {
  const { t } = useLang();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<PublicMessage | null>(null);
  const [busy, setBusy] = useState(false);
  /** Bumped when a summary is written while the page is open: the latest day is fetched again. */
  const [published, setPublished] = useState(0);

  useEffect(() => {
    const stream = client.live(
      DailySummaryPublishedDocument,
      () => ({}),
      () => setPublished((n) => n + 1),
    );
    return () => stream.stop();
  }, [client]);

  useEffect(() => {
    let current = true;
    void client.urql
      .query(DailySummaryDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!current) return;
        setError(publicMessage(result.error));
        setSummary(result.data?.dailySummary ?? null);
      });
    return () => {
      current = false;
    };
  }, [client, published]);

  const exportXlsx = async () => {
    if (!summary) return;
    setBusy(true);
    const result = await client.urql
      .query(DailySummaryXlsxDocument, { day: summary.day }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(false);
    setError(publicMessage(result.error));
    const file = result.data?.dailySummaryXlsx;
    if (file) download(file.filename, file.contentBase64);
  };

  const columns = [
    { key: 'name', title: t('colName'), render: (r: Rollup) => r.scopeName },
    { key: 'teams', title: t('colTeams'), numeric: true, render: (r: Rollup) => r.teams },
    { key: 'visits', title: t('colVisits'), numeric: true, render: (r: Rollup) => r.visits },
    { key: 'off', title: t('colOffHours'), numeric: true, render: (r: Rollup) => r.offHoursVisits },
    { key: 'measured', title: t('colMeasuredDay'), numeric: true, render: (r: Rollup) => r.measurements },
    { key: 'assessed', title: t('colAssessedDay'), numeric: true, render: (r: Rollup) => r.assessments },
    { key: 'signed', title: t('colSignedDay'), numeric: true, render: (r: Rollup) => r.signings },
    {
      key: 'area',
      title: t('colSignedArea'),
      numeric: true,
      render: (r: Rollup) => AREA.format(r.signedAreaM2),
    },
    {
      key: 'disputes',
      title: t('colDisputes'),
      numeric: true,
      render: (r: Rollup) => `${r.disputesOpened}/${r.disputesResolved}`,
    },
    {
      key: 'fulfilment',
      title: t('colFulfilment'),
      numeric: true,
      render: (r: Rollup) => (r.fulfilment === null ? '—' : `${Math.round(r.fulfilment * 100)}%`),
    },
  ];
  const table = (caption: string, rows: readonly Rollup[], testId: string) => (
    <>
      <h3>{caption}</h3>
      <DataTable<Rollup>
        caption={caption}
        rowKey={(r) => `${r.scopeKind}:${r.scopeCode}`}
        rows={rows}
        busy={!summary}
        emptyText={t('loading')}
        testId={testId}
        columns={columns}
      />
    </>
  );

  return (
    <section aria-labelledby="summary-title" className="panel">
      <h2 id="summary-title">
        {t('summaryTitle', { day: summary?.day ?? '…' })}{' '}
        <span className="muted">
          {summary &&
            (summary.ranAt
              ? t('summaryRanAt', { at: TIME.format(new Date(summary.ranAt)) })
              : t('summaryNotRun'))}
        </span>
      </h2>
      <ErrorBanner error={error} />
      <div className="row">
        <Button autoInsertSpace={false} onClick={() => void exportXlsx()} disabled={!summary || busy}>
          {t('summaryDownload')}
        </Button>
      </div>
      {table(t('summaryTotal'), summary ? [summary.total] : [], 'summary-total')}
      {table(t('summaryHq'), summary?.headquarters ?? [], 'summary-hq')}
      {table(t('summaryTownships'), summary?.townships ?? [], 'summary-townships')}
    </section>
  );
}
