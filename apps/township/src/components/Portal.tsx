import type { PortalContext } from '@hanjiang/ui';
import { lazy, Suspense, useEffect, useState } from 'react';
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

export function Portal({ session, client }: PortalContext) {
  const [hash, go] = useHashRoute();
  const cardId = /^#\/households\/([\w-]+)$/.exec(hash)?.[1];
  return (
    <main>
      {cardId ? (
        <Suspense fallback={<p>加载中…</p>}>
          <HouseholdCard client={client} id={cardId} onBack={() => go('')} />
        </Suspense>
      ) : (
        <Households
          client={client}
          townshipCode={session.me.tenantCode}
          onOpen={(id) => go(`#/households/${id}`)}
        />
      )}
    </main>
  );
}
