import { can } from '@hanjiang/authz';
import {
  type HanjiangClient,
  InspectionRankingDocument,
  InspectionTargetsDocument,
  type InspectionTargetKind,
  type InspectionTargetsQuery,
  publicMessage,
  type PublicMessage,
  type Session,
} from '@hanjiang/client';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { Radio } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { campaignWeeks } from '../periods.js';
import { principalOf } from '../principal.js';
import { type RankedUnit, rankingBarColor, unitName } from '../ranking.js';
import { InspectionTable } from './InspectionTable.js';
import { LazyBars } from './LazyBars.js';
import { RecordInspection } from './RecordInspection.js';

/** How many recent periods count for "ranked last repeatedly" (the gateway's default). */
const WINDOW = 4;

/** 四察四看: one period's ranking of headquarters or teams, and (for the supervision group) recording a score. */
export function Inspections({ client, session }: { client: HanjiangClient; session: Session }) {
  const { t } = useLang();
  const [targetKind, setTargetKind] = useState<InspectionTargetKind>('HEADQUARTERS');
  const [period, setPeriod] = useState('');
  const [rows, setRows] = useState<readonly RankedUnit[] | null>(null);
  const [setup, setSetup] = useState<InspectionTargetsQuery | null>(null);
  const [error, setError] = useState<PublicMessage | null>(null);
  const [version, setVersion] = useState(0);
  const mayRecord = can(principalOf(session), 'inspection:record').allowed;

  useEffect(() => {
    void client.urql
      .query(InspectionTargetsDocument, {})
      .toPromise()
      .then((result) => setSetup(result.data ?? null));
  }, [client]);

  useEffect(() => {
    let current = true;
    setRows(null);
    void client.urql
      .query(
        InspectionRankingDocument,
        { targetKind, period: period || null, window: WINDOW },
        { requestPolicy: 'network-only' },
      )
      .toPromise()
      .then((result) => {
        if (!current) return;
        setError(publicMessage(result.error));
        setRows(result.data?.inspections ?? []);
      });
    return () => {
      current = false;
    };
  }, [client, targetKind, period, version]);

  const weeks = useMemo(
    () => (setup?.campaign ? campaignWeeks(setup.campaign.startDate, setup.campaign.day) : []),
    [setup],
  );
  const scoreName = t('colScore');
  const chart = useMemo(
    () => ({
      categories: (rows ?? []).map(unitName),
      series: [
        {
          name: scoreName,
          values: (rows ?? []).map((r) => r.score),
          barColors: (rows ?? []).map(rankingBarColor),
          // Neutral, so the flagged units' red bars stand out.
          color: '#7a8795',
        },
      ],
    }),
    [rows, scoreName],
  );

  return (
    <section aria-labelledby="inspections-title" className="panel">
      <h2 id="inspections-title">{t('inspectionsTitle')}</h2>
      <div className="row controls">
        <Radio.Group
          aria-label={t('targetKind')}
          optionType="button"
          value={targetKind}
          onChange={(e) => setTargetKind(e.target.value as InspectionTargetKind)}
          options={[
            { value: 'HEADQUARTERS', label: t('kindHeadquarters') },
            { value: 'TEAM', label: t('kindTeam') },
          ]}
        />
        <label className="row">
          {t('period')}
          <select className="hj-native-select" value={period} onChange={(e) => setPeriod(e.target.value)}>
            <option value="">{t('latestPeriod')}</option>
            {weeks.map((w) => (
              <option key={w.period} value={w.period}>
                {t('weekLabel', { n: w.n, from: w.from, to: w.to })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBanner error={error} />
      {rows && rows.length > 0 && (
        <p className="muted" data-testid="period-shown">
          {t('periodShown', { period: rows[0]!.period })}
        </p>
      )}
      <div className="ranking">
        {rows && <InspectionTable rows={rows} window={WINDOW} />}
        {rows && rows.length > 0 && <LazyBars label={t('inspectionsTitle')} {...chart} max={100} />}
      </div>
      {mayRecord && setup && (
        <RecordInspection
          client={client}
          targets={setup}
          weeks={weeks}
          onRecorded={() => setVersion((v) => v + 1)}
        />
      )}
    </section>
  );
}
