import type { Session } from '@hanjiang/client';
import { ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useState } from 'react';
import { GRAPHQL_URL } from './graphql-url.js';
import { loadSession, saveSession } from './session-store.js';

// Each screen is its own chunk: the first load carries only what the login page needs.
const Login = lazy(() => import('./components/Login.js').then((m) => ({ default: m.Login })));
const Portal = lazy(() => import('./components/Portal.js').then((m) => ({ default: m.Portal })));

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b7262f', colorLink: '#a01f28' } }}>
      <Suspense fallback={<Spin />}>
        {session ? (
          <Portal
            session={session}
            onSignOut={() => {
              saveSession(null);
              setSession(null);
            }}
          />
        ) : (
          <Login
            url={GRAPHQL_URL}
            onSession={(s) => {
              saveSession(s);
              setSession(s);
            }}
          />
        )}
      </Suspense>
    </ConfigProvider>
  );
}
