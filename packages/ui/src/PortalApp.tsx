import type { Session } from '@hanjiang/client';
import { ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createPortalI18n, useLang } from './i18n.js';
import type { PortalAppProps } from './portal-types.js';
import { sessionStore } from './session-store.js';

// Sign-in and the signed-in frame are chunks of their own: the first load carries neither antd's forms nor its
// layout parts until they are shown.
const Login = lazy(() => import('./Login.js').then((m) => ({ default: m.Login })));
const Frame = lazy(() => import('./PortalFrame.js').then((m) => ({ default: m.PortalFrame })));

const THEME = { token: { colorPrimary: '#b7262f', colorLink: '#a01f28' } };

/** Sign-in, the portal's header (who, tenant switcher, language, sign-out) and the client, for every portal. */
export function PortalApp(props: PortalAppProps) {
  const [i18n] = useState(() => createPortalI18n(props.text));
  // A hot update of the app's texts (`pnpm dev`) arrives as a new `text`: put it in place and re-render.
  useEffect(() => {
    for (const lang of ['zh', 'en'] as const) {
      i18n.addResourceBundle(lang, 'translation', props.text[lang], true, true);
    }
    void i18n.changeLanguage(i18n.language);
  }, [i18n, props.text]);
  return (
    <I18nextProvider i18n={i18n}>
      <Localised {...props} />
    </I18nextProvider>
  );
}

function Localised(props: PortalAppProps) {
  const { lang, t } = useLang();
  const url = props.url ?? new URL('/graphql', window.location.href).toString();
  const store = useMemo(() => sessionStore(props.app), [props.app]);
  const [session, setSession] = useState<Session | null>(() => store.load());
  const keep = useCallback(
    (next: Session | null) => {
      store.save(next);
      setSession(next);
    },
    [store],
  );
  useEffect(() => {
    document.title = t('title');
  }, [t, lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME}>
      <Suspense fallback={<Spin />}>
        {session ? (
          <Frame {...props} url={url} session={session} onSession={keep} />
        ) : (
          <Login url={url} title={t('title')} onSession={keep} />
        )}
      </Suspense>
    </ConfigProvider>
  );
}
