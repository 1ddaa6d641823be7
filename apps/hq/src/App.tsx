import { PortalApp } from '@hanjiang/ui';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { HQ_TEXT } from './text.js';

// The portal's pages are their own chunk: the first load carries only what the sign-in page needs.
const Portal = lazy(() => import('./components/Portal.js').then((m) => ({ default: m.Portal })));

/**
 * For headquarters staff, and for the district (its admin corrects and assigns anywhere; its inspector reads):
 * a district user picks the headquarters in the portal (components/HeadquartersPicker.tsx).
 */
export function App() {
  return (
    <PortalApp app="hq" text={HQ_TEXT} tenantKinds={['headquarters', 'district']}>
      {(portal) => (
        <Suspense fallback={<Spin />}>
          <Portal {...portal} />
        </Suspense>
      )}
    </PortalApp>
  );
}
