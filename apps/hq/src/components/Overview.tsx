import { HqOverviewDocument, type HanjiangClient } from '@hanjiang/client';
import { ErrorBanner, ProgressBar, useLang } from '@hanjiang/ui';
import { Spin } from 'antd';
import { useMemo } from 'react';
import { useQuery } from '../hooks/use-query.js';
import { ScopeProgress } from './ScopeProgress.js';
import { ReportButton } from './ReportButton.js';
import { TeamAssignment } from './TeamAssignment.js';

/** The headquarters' own progress, its villages and its teams, each with its progress; team assignment. */
export function Overview({
  client,
  hqCode,
  mayAssign,
  mayReport = false,
}: {
  client: HanjiangClient;
  hqCode: string;
  mayAssign: boolean;
  /** The headquarters' commanders and the district may download its 推进会 report (packages/authz). */
  mayReport?: boolean;
}) {
  const { t } = useLang();
  const { data, error, reload } = useQuery(client, HqOverviewDocument, { headquartersCode: hqCode });
  // The gateway shows a headquarters its own villages and the district all of them: keep this headquarters'.
  const villages = useMemo(
    () => data?.villages.filter((v) => v.headquarters.code === hqCode) ?? [],
    [data, hqCode],
  );
  const teams = useMemo(
    () => data?.teams.filter((x) => x.headquarters.code === hqCode) ?? [],
    [data, hqCode],
  );
  if (!data) return error ? <ErrorBanner error={error} /> : <Spin />;
  const p = data.progress;
  return (
    <div className="hq-overview">
      <ErrorBanner error={error} />
      {p && (
        <section aria-labelledby="hq-progress" className="hq-card" data-testid="hq-progress">
          <h2 id="hq-progress">{t('hqProgress')}</h2>
          <ProgressBar
            label={t('measuredLabel')}
            part={p.measured}
            total={p.households}
            unit={t('households')}
          />
          <ProgressBar label={t('signedLabel')} part={p.signed} total={p.households} unit={t('households')} />
          <ProgressBar
            label={t('signedAreaLabel')}
            part={Math.round(p.signedAreaM2)}
            total={Math.round(p.buildingAreaM2)}
            unit="㎡"
          />
          {mayReport && <ReportButton client={client} hqCode={hqCode} />}
        </section>
      )}
      <section aria-labelledby="villages-title" className="hq-card">
        <h2 id="villages-title">
          {t('villages')} <span className="muted">{t('villagesCount', { count: villages.length })}</span>
        </h2>
        <div className="hq-scroll">
          <table className="hq-table" data-testid="villages">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('township')}</th>
                <th scope="col">{t('progress')}</th>
              </tr>
            </thead>
            <tbody>
              {villages.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.name}</th>
                  <td>{v.township.nameZh}</td>
                  <td className="hq-progress-cell">
                    <ScopeProgress client={client} scopeKind="village" scopeCode={v.code} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="teams-title" className="hq-card">
        <h2 id="teams-title">
          {t('teams')} <span className="muted">{t('teamsCount', { count: teams.length })}</span>
        </h2>
        <div className="hq-scroll">
          <table className="hq-table" data-testid="teams">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('from')}</th>
                <th scope="col">{t('members')}</th>
                <th scope="col">{t('progress')}</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  <td>{x.homeTownship?.nameZh ?? x.homeUnit?.nameZh ?? '—'}</td>
                  <td>{x.memberCount}</td>
                  <td className="hq-progress-cell">
                    <ScopeProgress client={client} scopeKind="team" scopeCode={x.code} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {mayAssign && <TeamAssignment client={client} teams={teams} villages={villages} onChanged={reload} />}
    </div>
  );
}
