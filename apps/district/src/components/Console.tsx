import { can } from '@hanjiang/authz';
import { mayManageKeys, type PortalContext, useLang } from '@hanjiang/ui';
import { Spin } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { principalOf } from '../principal.js';
import { Overview } from './Overview.js';

// The other pages are chunks of their own: the first signed-in load carries only the progress overview.
const Inspections = lazy(() => import('./Inspections.js').then((m) => ({ default: m.Inspections })));
const Escalations = lazy(() => import('./Escalations.js').then((m) => ({ default: m.Escalations })));
const AuditLog = lazy(() => import('./AuditLog.js').then((m) => ({ default: m.AuditLog })));
const DailySummary = lazy(() => import('./DailySummary.js').then((m) => ({ default: m.DailySummary })));
const ApiKeysPage = lazy(() => import('@hanjiang/ui/keys').then((m) => ({ default: m.ApiKeysPage })));
const ProgressReport = lazy(() => import('./ProgressReport.js').then((m) => ({ default: m.ProgressReport })));

type PageKey = 'progress' | 'summary' | 'inspections' | 'escalations' | 'audit' | 'keys';
const PAGES: readonly PageKey[] = ['summary', 'inspections', 'escalations', 'audit', 'keys'];

/** `#/summary`, `#/inspections`, `#/escalations`, `#/audit`, `#/keys`: each page has an address to share. */
function useHashPage(): PageKey {
  const read = (): PageKey => {
    const key = window.location.hash.replace(/^#\//, '');
    return PAGES.find((p) => p === key) ?? 'progress';
  };
  const [page, setPage] = useState(read);
  useEffect(() => {
    const listener = () => setPage(read());
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, []);
  return page;
}

export function Console({ session, client }: PortalContext) {
  const { t } = useLang();
  const current = useHashPage();
  // The audit log is offered only to those packages/authz lets read it (the gateway refuses everyone else).
  const principal = useMemo(() => principalOf(session), [session]);
  const mayReadAudit = can(principal, 'audit:read').allowed;
  const mayKeys = mayManageKeys(principal);
  const pages: [PageKey, string][] = [
    ['progress', t('navProgress')],
    ['summary', t('navSummary')],
    ['inspections', t('navInspections')],
    ['escalations', t('navEscalations')],
    ...(mayReadAudit ? [['audit', t('navAudit')] as [PageKey, string]] : []),
    ...(mayKeys ? [['keys', t('navKeys')] as [PageKey, string]] : []),
  ];
  const page =
    (current === 'audit' && !mayReadAudit) || (current === 'keys' && !mayKeys) ? 'progress' : current;
  return (
    <>
      <nav className="console-nav" aria-label={t('navLabel')}>
        {pages.map(([key, label]) => (
          <a key={key} href={`#/${key}`} aria-current={key === page ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <main>
        <Suspense fallback={<Spin aria-label={t('loading')} />}>
          {page === 'progress' && <Overview client={client} />}
          {page === 'summary' && <DailySummary client={client} />}
          {page === 'summary' && <ProgressReport client={client} />}
          {page === 'inspections' && <Inspections client={client} session={session} />}
          {page === 'escalations' && <Escalations client={client} />}
          {page === 'audit' && <AuditLog client={client} />}
          {page === 'keys' && <ApiKeysPage client={client} principal={principal} />}
        </Suspense>
      </main>
    </>
  );
}
