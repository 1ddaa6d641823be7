import { useLang, type PortalContext } from '@hanjiang/ui';
import { Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Households } from '../households/Households.js';
import type { Filters } from '../use-household-pages.js';

// The card and the progress page are chunks of their own: the list (the page people land on) loads first.
const HouseholdCard = lazy(() => import('./HouseholdCard.js').then((m) => ({ default: m.HouseholdCard })));
const FieldPage = lazy(() => import('../field/FieldPage.js').then((m) => ({ default: m.FieldPage })));
const Progress = lazy(() => import('../progress/Progress.js').then((m) => ({ default: m.Progress })));
const PlanPage = lazy(() => import('../plan/PlanPage.js').then((m) => ({ default: m.PlanPage })));

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
  const { t } = useLang();
  const [hash, go] = useHashRoute();
  const [filters, setFilters] = useState<Filters>({});
  const cardId = /^#\/households\/([\w-]+)$/.exec(hash)?.[1];
  const page = cardId
    ? 'card'
    : hash === '#/progress'
      ? 'progress'
      : hash === '#/field'
        ? 'field'
        : hash === '#/plan'
          ? 'plan'
          : 'households';
  return (
    <>
      <nav className="tw-nav" aria-label={t('title')}>
        <a href="#/" aria-current={page === 'households' ? 'page' : undefined}>
          {t('navHouseholds')}
        </a>
        <a href="#/progress" aria-current={page === 'progress' ? 'page' : undefined}>
          {t('navProgress')}
        </a>
        <a href="#/field" aria-current={page === 'field' ? 'page' : undefined}>
          {t('navField')}
        </a>
        <a href="#/plan" aria-current={page === 'plan' ? 'page' : undefined}>
          {t('navPlan')}
        </a>
      </nav>
      <main>
        <Suspense fallback={<Spin />}>
          {page === 'card' && <HouseholdCard client={client} id={cardId!} onBack={() => go('#/')} />}
          {page === 'field' && <FieldPage client={client} subject={session.me.subject} />}
          {page === 'plan' && <PlanPage client={client} />}
          {page === 'progress' && <Progress client={client} townshipCode={session.me.tenantCode} />}
          {page === 'households' && (
            <Households
              client={client}
              townshipCode={session.me.tenantCode}
              filters={filters}
              setFilters={setFilters}
            />
          )}
        </Suspense>
      </main>
    </>
  );
}
