import { t, type Lang } from '../i18n.js';
import type { PairView } from '../model.js';

/** Mountain and plain townships of each pair side by side, the pairs ranked. */
export function PairRace({ pairs, lang }: { pairs: readonly PairView[]; lang: Lang }) {
  return (
    <section className="panel pairs" aria-labelledby="pairs-title" data-testid="township-race">
      <h2 id="pairs-title">{t(lang, 'townshipRace')}</h2>
      <div className="pair-head" aria-hidden="true">
        <span />
        <span>{t(lang, 'mountain')}</span>
        <span>{t(lang, 'plain')}</span>
      </div>
      <ol className="pair-list">
        {pairs.map(({ pairing, mountain, plain }) => (
          <li key={pairing.scopeCode} className="pair" data-scope={pairing.scopeCode}>
            <span className="rank">{pairing.rank}</span>
            {[mountain, plain].map((side, i) =>
              side ? (
                <div
                  key={side.scopeCode}
                  className={`side ${i === 0 ? 'mountain' : 'plain'}`}
                  data-scope={side.scopeCode}
                >
                  <span className="name">{side.name}</span>
                  <span className="bar" aria-hidden="true">
                    <span className="bar-fill" style={{ width: `${side.signedHouseholdsPct}%` }} />
                  </span>
                  <span className="pct" data-testid="signed-pct">
                    {side.signedHouseholdsPct}%
                  </span>
                  <span className="signed" data-testid="signed-count">
                    {side.signed}/{side.households}
                  </span>
                </div>
              ) : (
                <div key={i} className="side" />
              ),
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
