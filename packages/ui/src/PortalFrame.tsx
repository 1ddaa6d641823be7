import { createHanjiangClient, type Session } from '@hanjiang/client';
import { tenantByCode, type TenantKind } from '@hanjiang/domain';
import { Alert, Button } from 'antd';
import { useCallback, useEffect, useMemo } from 'react';
import { useLang } from './i18n.js';
import { LanguageToggle } from './LanguageToggle.js';
import type { PortalAppProps } from './portal-types.js';
import { TenantSwitcher } from './TenantSwitcher.js';

/** The signed-in frame: who, tenant switcher, language, sign-out; the client every page of the portal uses. */
export function PortalFrame({
  session,
  onSession,
  url,
  tenantKinds,
  children,
}: PortalAppProps & { url: string; session: Session; onSession: (s: Session | null) => void }) {
  const { lang, t } = useLang();
  const signOut = useCallback(() => onSession(null), [onSession]);
  const client = useMemo(
    () =>
      createHanjiangClient({
        url,
        credential: {
          kind: 'session',
          token: session.token,
          expiresAt: session.expiresAt,
          membershipId: session.membershipId,
        },
        onTokenRenewed: (fresh) => onSession({ ...session, ...fresh }),
        onSessionExpired: signOut,
      }),
    // A renewed token keeps the client (it renews itself); a new membership or sign-in makes a new one.
    [url, session.membershipId, session.me.subject],
  );
  useEffect(() => () => client.dispose(), [client]);
  const me = session.me;
  const tenant = lang === 'zh' ? (tenantByCode(me.tenantCode)?.nameZh ?? me.tenantCode) : me.tenantCode;
  const allowed = tenantKinds.includes(me.tenantKind as TenantKind);
  return (
    <div className="hj-layout">
      <header className="hj-header">
        <h1>
          {tenant} · {t('title')}
        </h1>
        <div className="hj-row">
          <span>{me.displayName ?? me.subject}</span>
          <TenantSwitcher url={url} session={session} onSession={onSession} />
          <LanguageToggle />
          <Button onClick={signOut}>{t('signOut')}</Button>
        </div>
      </header>
      <div className="hj-content">
        {allowed ? (
          children({ session, client, url, signOut })
        ) : (
          <Alert type="warning" role="alert" showIcon title={t('notForYou')} />
        )}
      </div>
    </div>
  );
}
