import { PortalApp } from '@hanjiang/ui';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { DISTRICT_TEXT } from './text.js';

// The console's pages are their own chunk: the first load carries only what the sign-in page needs.
const Console = lazy(() => import('./components/Console.js').then((m) => ({ default: m.Console })));

export function App() {
  return (
    <PortalApp app="district" text={DISTRICT_TEXT} tenantKinds={['district']}>
      {(portal) => (
        <Suspense fallback={<Spin />}>
          <Console {...portal} />
        </Suspense>
      )}
    </PortalApp>
  );
}
