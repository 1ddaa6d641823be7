import { useMemo, useState } from 'react';
import { Gauge } from './components/Gauge.js';
import { PairRace } from './components/PairRace.js';
import { Race } from './components/Race.js';
import { SetupForm } from './components/SetupForm.js';
import { Ticker } from './components/Ticker.js';
import { readDisplayKey, saveDisplayKey } from './credential.js';
import { langOf, t, type Lang } from './i18n.js';
import { pairsOf } from './model.js';
import { useScreen } from './use-screen.js';

const GRAPHQL_URL = new URL('/graphql', window.location.href).toString();

export function App() {
  const lang = langOf(window.location.search);
  const [key, setKey] = useState(() =>
    readDisplayKey(window.location, window.localStorage, (url) => window.history.replaceState(null, '', url)),
  );
  if (!key)
    return (
      <SetupForm
        lang={lang}
        onKey={(k) => {
          saveDisplayKey(window.localStorage, k);
          setKey(k);
        }}
      />
    );
  return <Screen lang={lang} displayKey={key} />;
}

function Screen({ lang, displayKey }: { lang: Lang; displayKey: string }) {
  const state = useScreen(GRAPHQL_URL, displayKey);
  const pairs = useMemo(() => pairsOf(state.boards.PAIRING, state.boards.TOWNSHIP), [state.boards]);
  const status = state.loaded
    ? state.status
    : state.status === 'reconnecting'
      ? 'reconnecting'
      : 'connecting';
  return (
    <div className="screen" data-status={status} data-loaded={state.loaded}>
      <header className="top">
        <h1>{t(lang, 'title')}</h1>
        {state.campaign && (
          <div className="day" data-testid="campaign-day">
            {t(lang, 'day', { n: state.campaign.day, of: state.campaign.lengthDays })}
          </div>
        )}
        <div className={`status status-${status}`} role="status" data-testid="connection-status">
          <span className="dot" aria-hidden="true" />
          {t(lang, status === 'live' ? 'live' : status)}
        </div>
      </header>
      {state.error && (
        <div className="error-banner" role="alert">
          {state.error[lang]}
        </div>
      )}
      {!state.loaded ? (
        <main className="loading">{t(lang, 'loading')}</main>
      ) : (
        <main className="grid">
          {state.campaign && <Gauge campaign={state.campaign} lang={lang} />}
          <Race id="hq-race" title={t(lang, 'hqRace')} rows={state.boards.HEADQUARTERS} lang={lang} />
          <PairRace pairs={pairs} lang={lang} />
          <Race id="team-race" title={t(lang, 'teamRace')} rows={state.boards.TEAM} lang={lang} limit={10} />
          <Ticker items={state.ticker} lang={lang} />
        </main>
      )}
    </div>
  );
}
