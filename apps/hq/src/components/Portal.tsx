import { can } from '@hanjiang/authz';
import type { PortalContext } from '@hanjiang/ui';
import { useLang } from '@hanjiang/ui';
import { Spin, Tabs } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { principalOf } from '../principal.js';
import { HeadquartersPicker, initialHeadquarters } from './HeadquartersPicker.js';
import { Overview } from './Overview.js';

const Households = lazy(() => import('./Households.js').then((m) => ({ default: m.Households })));
const RosterImport = lazy(() => import('./RosterImport.js').then((m) => ({ default: m.RosterImport })));
const Sites = lazy(() => import('./Sites.js').then((m) => ({ default: m.Sites })));

/** One headquarters at a time: its own for headquarters staff, the one picked for a district user. */
export function Portal({ session, client }: PortalContext) {
  const { t } = useLang();
  const principal = useMemo(() => principalOf(session), [session]);
  const [hqCode, setHqCode] = useState(() => initialHeadquarters(session.me));
  const [tab, setTab] = useState('overview');
  const scope = { headquartersCode: hqCode };
  const mayImport = can(principal, 'household:import', { tenantCode: hqCode }).allowed;
  const page = (node: React.ReactNode) => <Suspense fallback={<Spin />}>{node}</Suspense>;
  return (
    <main>
      {session.me.tenantKind === 'district' && <HeadquartersPicker value={hqCode} onChange={setHqCode} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
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
        ]}
      />
    </main>
  );
}
