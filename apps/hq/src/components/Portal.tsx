import { can } from '@hanjiang/authz';
import type { PortalContext } from '@hanjiang/ui';
import { mayManageKeys, useLang } from '@hanjiang/ui';
import { Spin, Tabs } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { principalOf } from '../principal.js';
import { HeadquartersPicker, initialHeadquarters } from './HeadquartersPicker.js';
import { Overview } from './Overview.js';

const Households = lazy(() => import('./Households.js').then((m) => ({ default: m.Households })));
const RosterImport = lazy(() => import('./RosterImport.js').then((m) => ({ default: m.RosterImport })));
const Sites = lazy(() => import('./Sites.js').then((m) => ({ default: m.Sites })));
const ApiKeysPage = lazy(() => import('@hanjiang/ui/keys').then((m) => ({ default: m.ApiKeysPage })));

/** The tab named by the address (`#/keys`, …), so a page can be shared or bookmarked; the overview otherwise. */
function useHashTab(): [string, (tab: string) => void] {
  const read = () => window.location.hash.replace(/^#\//, '') || 'overview';
  const [tab, setTab] = useState(read);
  useEffect(() => {
    const listener = () => setTab(read());
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, []);
  return [tab, (next) => (window.location.hash = `#/${next}`)];
}

/** One headquarters at a time: its own for headquarters staff, the one picked for a district user. */
export function Portal({ session, client }: PortalContext) {
  const { t } = useLang();
  const principal = useMemo(() => principalOf(session), [session]);
  const [hqCode, setHqCode] = useState(() => initialHeadquarters(session.me));
  const [tab, setTab] = useHashTab();
  const mayKeys = mayManageKeys(principal);
  const scope = { headquartersCode: hqCode };
  const mayImport = can(principal, 'household:import', { tenantCode: hqCode }).allowed;
  const page = (node: React.ReactNode) => <Suspense fallback={<Spin />}>{node}</Suspense>;
  const items = [
    {
      key: 'overview',
      label: t('tabOverview'),
      children: (
        <Overview
          key={hqCode}
          client={client}
          hqCode={hqCode}
          mayAssign={can(principal, 'team:assign', scope).allowed}
          mayReport={can(principal, 'report:read', { tenantCode: hqCode }).allowed}
        />
      ),
    },
    {
      key: 'households',
      label: t('tabHouseholds'),
      children: page(<Households key={hqCode} client={client} hqCode={hqCode} principal={principal} />),
    },
    ...(mayImport
      ? [
          {
            key: 'import',
            label: t('tabImport'),
            children: page(<RosterImport key={hqCode} client={client} hqCode={hqCode} />),
          },
        ]
      : []),
    {
      key: 'sites',
      label: t('tabSites'),
      children: page(
        <Sites
          key={hqCode}
          client={client}
          hqCode={hqCode}
          mayCreate={can(principal, 'resettlement:create', scope).allowed}
        />,
      ),
    },
    ...(mayKeys
      ? [
          {
            key: 'keys',
            label: t('navKeys'),
            children: page(<ApiKeysPage client={client} principal={principal} />),
          },
        ]
      : []),
  ];
  return (
    <main>
      {session.me.tenantKind === 'district' && <HeadquartersPicker value={hqCode} onChange={setHqCode} />}
      <Tabs
        activeKey={items.some((i) => i.key === tab) ? tab : 'overview'}
        onChange={setTab}
        destroyOnHidden
        items={items}
      />
    </main>
  );
}
