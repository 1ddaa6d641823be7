import type { Lang } from '../i18n.js';
import { t } from '../i18n.js';
import type { Row } from '../model.js';

function Movement({ change, lang }: { change: number | null | undefined; lang: Lang }) {
  if (!change) return <span className="move" aria-hidden="true" />;
  const up = change > 0;
  return (
    <span
      className={`move ${up ? 'up' : 'down'}`}
      title={t(lang, up ? 'rankUp' : 'rankDown', { n: Math.abs(change) })}
    >
      {up ? '▲' : '▼'}
      {Math.abs(change)}
    </span>
  );
}

/** One ranked row: rank, name, a bar of signed households (%), and the signed area share. */
export function RaceRow({ row, lang, compact = false }: { row: Row; lang: Lang; compact?: boolean }) {
  return (
    <li className={`race-row${compact ? ' compact' : ''}`} data-scope={row.scopeCode}>
      <span className="rank">{row.rank}</span>
      <span className="name">{row.name}</span>
      <span className="bar" aria-hidden="true">
        <span className="bar-fill" style={{ width: `${row.signedHouseholdsPct}%` }} />
      </span>
      <span className="pct" data-testid="signed-pct">
        {row.signedHouseholdsPct}%
      </span>
      {!compact && (
        <span className="signed" data-testid="signed-count">
          {row.signed}/{row.households}
        </span>
      )}
      <Movement change={row.rankChange} lang={lang} />
    </li>
  );
}

export function Race({
  title,
  rows,
  lang,
  limit,
  id,
}: {
  title: string;
  rows: readonly Row[];
  lang: Lang;
  limit?: number;
  id: string;
}) {
  return (
    <section className="panel race" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <ol className="race-list">
        {rows.slice(0, limit ?? rows.length).map((row) => (
          <RaceRow key={row.scopeCode} row={row} lang={lang} />
        ))}
      </ol>
    </section>
  );
}
