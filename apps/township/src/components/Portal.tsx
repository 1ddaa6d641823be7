import { createHanjiangClient, type HanjiangClient, type Session } from '@hanjiang/client';
import { ROLE_LABELS, tenantByCode, type Role } from '@hanjiang/domain';
import { Button } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { GRAPHQL_URL } from '../graphql-url.js';
import { saveSession } from '../session-store.js';
import { Households } from './Households.js';

const HouseholdCard = lazy(() => import('./HouseholdCard.js').then((m) => ({ default: m.HouseholdCard })));

/** `#/households/<id>` opens a card, so a card has an address that can be shared (or tried by URL). */
function useHashRoute(): [string, (hash: string) => void] {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const listener = () => setHash(window.location.hash);
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, []);
  return [hash, (next) => (window.location.hash = next)];
}

export function Portal({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const client: HanjiangClient = useMemo(
    () =>
      createHanjiangClient({
        url: GRAPHQL_URL,
        credential: {
          kind: 'session',
          token: session.token,
          expiresAt: session.expiresAt,
          membershipId: session.membershipId,
        },
        onTokenRenewed: (fresh) => saveSession({ ...session, ...fresh }),
        onSessionExpired: onSignOut,
      }),
    [session, onSignOut],
  );
  useEffect(() => () => client.dispose(), [client]);
  const [hash, go] = useHashRoute();
  const cardId = /^#\/households\/([\w-]+)$/.exec(hash)?.[1];
  const me = session.me;
  return (
    <div className="layout">
      <header className="header">
        <h1>{tenantByCode(me.tenantCode)?.nameZh ?? me.tenantCode} · 征迁工作台</h1>
        <div className="row">
          <span>
            {me.displayName ?? me.subject}({ROLE_LABELS[me.role as Role]?.zh ?? me.role})
          </span>
          <Button onClick={onSignOut}>退出</Button>
        </div>
      </header>
      <div className="content">
        <main>
          {cardId ? (
            <Suspense fallback={<p>加载中…</p>}>
              <HouseholdCard client={client} id={cardId} onBack={() => go('')} />
            </Suspense>
          ) : (
            <Households
              client={client}
              townshipCode={me.tenantCode}
              onOpen={(id) => go(`#/households/${id}`)}
            />
          )}
        </main>
      </div>
    </div>
  );
}
