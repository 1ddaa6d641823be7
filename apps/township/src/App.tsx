import { PortalApp } from '@hanjiang/ui';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { TOWNSHIP_TEXT } from './text.js';

// The portal's pages are their own chunk: the first load carries only what the sign-in page needs.
const Portal = lazy(() => import('./components/Portal.js').then((m) => ({ default: m.Portal })));

export function App() {
  return (
    <PortalApp app="township" text={TOWNSHIP_TEXT} tenantKinds={['township']}>
      {(portal) => (
        <Suspense fallback={<Spin />}>
          {/* A switch to another township starts the pages afresh (its filters name the other township's villages). */}
          <Portal key={portal.session.me.tenantCode} {...portal} />
        </Suspense>
      )}
    </PortalApp>
  );
}
