import { switchTenant, type PublicMessage, type Session } from '@hanjiang/client';
import { ROLE_LABELS, tenantByCode, type Role } from '@hanjiang/domain';
import { useState } from 'react';
import { ErrorBanner } from './ErrorBanner.js';
import { useLang } from './i18n.js';

/** What a membership is called: the tenant's Chinese name (its code in English) and the role. */
export function membershipLabel(m: { tenantCode: string; role: string }, lang: 'zh' | 'en'): string {
  const tenant = lang === 'zh' ? (tenantByCode(m.tenantCode)?.nameZh ?? m.tenantCode) : m.tenantCode;
  const role = ROLE_LABELS[m.role as Role]?.[lang] ?? m.role;
  return `${tenant} · ${role}`;
}

/** Shown only to users with more than one membership; switching gets a new session from the gateway. */
export function TenantSwitcher({
  url,
  session,
  onSession,
}: {
  url: string;
  session: Session;
  onSession: (session: Session) => void;
}) {
  const { lang, t } = useLang();
  const [error, setError] = useState<PublicMessage | null>(null);
  const memberships = session.me.memberships;
  if (memberships.length < 2) return null;
  return (
    <>
      {/* A native select: antd's Select alone would add ≈ 25 KiB gzipped to every portal's first load. */}
      <select
        className="hj-native-select"
        aria-label={t('switchTenant')}
        value={session.membershipId}
        onChange={(event) => {
          void switchTenant(url, session.token, event.target.value).then((result) => {
            if ('error' in result) setError(result.error);
            else onSession(result.session);
          });
        }}
      >
        {memberships.map((m) => (
          <option key={m.id} value={m.id}>
            {membershipLabel(m, lang)}
          </option>
        ))}
      </select>
      <ErrorBanner error={error} onClose={() => setError(null)} />
    </>
  );
}
