import { useLang } from '@hanjiang/ui';
import { Spin } from 'antd';
import type { BoardRow } from './standing.js';

/** The township's teams as the team board ranks them (rank among all the campaign's teams). */
export function TeamStandings({ rows, loading }: { rows: readonly BoardRow[]; loading: boolean }) {
  const { lang, t } = useLang();
  const number = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  return (
    <section aria-labelledby="teams-title" className="team-standings">
      <h3 id="teams-title">{t('teamsTitle')}</h3>
      {loading ? (
        <Spin />
      ) : rows.length === 0 ? (
        <p className="muted">{t('noTeams')}</p>
      ) : (
        <table className="plain-table" data-testid="team-standings">
          <thead>
            <tr>
              <th scope="col">{t('colRank')}</th>
              <th scope="col">{t('team')}</th>
              <th scope="col" className="num">
                {t('colSigned')}
              </th>
              <th scope="col" className="num">
                {t('colSignedPct')}
              </th>
              <th scope="col" className="num hide-narrow">
                {t('colSignedToday')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.scopeCode} data-team={row.scopeCode}>
                <td>{row.rank}</td>
                <th scope="row">{row.name}</th>
                <td className="num">
                  {number(row.signed)} / {number(row.households)}
                </td>
                <td className="num">{row.signedHouseholdsPct}%</td>
                <td className="num hide-narrow">{number(row.signedToday)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
