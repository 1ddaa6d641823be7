import type { HanjiangClient } from '@hanjiang/client';
import { townshipByCode } from '@hanjiang/domain';
import { ErrorBanner, ProgressBar, useLang } from '@hanjiang/ui';
import { Spin } from 'antd';
import { townshipStanding, type BoardRow } from './standing.js';
import { TeamStandings } from './TeamStandings.js';
import { useLiveBoards } from './use-boards.js';

/** The township's progress beside its paired township's and the pair's, and its teams' standings — all live. */
export function Progress({ client, townshipCode }: { client: HanjiangClient; townshipCode: string }) {
  const { t } = useLang();
  const { boards, teams, error } = useLiveBoards(client);
  const standing = townshipStanding(boards, teams, townshipCode);
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t('progressTitle')}</h2>
      <ErrorBanner error={error} />
      {boards.TOWNSHIP === null ? (
        <Spin />
      ) : (
        <div className="progress-cards">
          <ScopeCard testId="own" heading={t('ourTownship')} row={standing.own} township />
          <ScopeCard testId="paired" heading={t('pairedTownship')} row={standing.paired} township />
          <ScopeCard testId="pairing" heading={t('pairing')} row={standing.pairing} />
        </div>
      )}
      <TeamStandings rows={standing.teams} loading={boards.TEAM === null} />
    </section>
  );
}

function ScopeCard({
  testId,
  heading,
  row,
  township,
}: {
  testId: string;
  heading: string;
  row: BoardRow | null;
  township?: boolean;
}) {
  const { t } = useLang();
  if (!row) return null;
  const terrain = township ? townshipByCode(row.scopeCode)?.terrain : undefined;
  return (
    <article className="progress-card" data-testid={`progress-${testId}`} aria-labelledby={`pc-${testId}`}>
      <h3 id={`pc-${testId}`}>
        <span className="muted">{heading}</span> {row.name}
        {terrain && (
          <span className="terrain">{t(terrain === 'mountain' ? 'terrainMountain' : 'terrainPlain')}</span>
        )}
      </h3>
      <p className="progress-meta">
        <span>{t('rank', { rank: row.rank })}</span>
        <span data-testid={`signed-today-${testId}`}>{t('signedToday', { count: row.signedToday })}</span>
      </p>
      <ProgressBar
        label={t('signedHouseholds')}
        part={row.signed}
        total={row.households}
        unit={t('households')}
      />
      <ProgressBar
        label={t('signedArea')}
        part={Math.round(row.signedAreaM2)}
        total={Math.round(row.buildingAreaM2)}
        unit="㎡"
      />
    </article>
  );
}
