import { can, type Principal } from '@hanjiang/authz';
import type { HanjiangClient } from '@hanjiang/client';
import { Card, ConfigProvider, Empty, Spin } from 'antd';
import { ErrorBanner } from '../ErrorBanner.js';
import { useLang } from '../i18n.js';
import { CreateKeyForm } from './CreateKeyForm.js';
import { KeyCard } from './KeyCard.js';
import { keyTenantChoices } from './keys-logic.js';
import { SecretOnce } from './SecretOnce.js';
import { useApiKeys } from './use-api-keys.js';

/**
 * 接口密钥 / API keys, for whoever packages/authz lets manage keys (district admins for any tenant, commanders for
 * their own): the keys with last week's use, a form for a new key whose secret is shown once, and revocation.
 * Shared by the district console and the headquarters portal.
 */
// antd's default error red (#ff4d4f: danger buttons) and tertiary grey (descriptions' labels) fall short of WCAG AA
// contrast on white; this page darkens both (axe-core checks it in apps/e2e/test/keys.e2e.ts).
const THEME = { token: { colorError: '#cf1322', colorTextTertiary: '#595959' } };

export function ApiKeysPage({ client, principal }: { client: HanjiangClient; principal: Principal }) {
  const { t } = useLang();
  const state = useApiKeys(client);
  const mayCreate = keyTenantChoices(principal).length > 0;
  const now = new Date();
  return (
    <ConfigProvider theme={THEME}>
      <section className="keys-page" aria-labelledby="keys-title">
        <h2 id="keys-title">{t('keysTitle')}</h2>
        <p className="keys-intro">{t('keysIntro')}</p>
        {/* The gateway's own words, both languages, Chinese first: people pass them on to the integrator. */}
        <ErrorBanner error={state.error} onClose={state.dismissError} bilingual />
        {state.created && (
          <SecretOnce name={state.created.name} secret={state.created.secret} onDone={state.dismissSecret} />
        )}
        {mayCreate && (
          <Card size="small" title={t('keysNew')} className="key-new">
            <CreateKeyForm principal={principal} busy={state.busy} onSubmit={state.create} />
          </Card>
        )}
        <div className="key-list" data-testid="key-list">
          {state.keys === null && <Spin aria-label={t('loading')} />}
          {state.keys?.length === 0 && <Empty description={t('keysEmpty')} />}
          {state.keys?.map((k) => (
            <KeyCard
              key={k.id}
              apiKey={k}
              usage={state.usage[k.id]}
              now={now}
              mayRevoke={can(principal, 'apikey:revoke', { tenantCode: k.tenantCode }).allowed}
              onRevoke={(key) => void state.revoke(key)}
            />
          ))}
        </div>
      </section>
    </ConfigProvider>
  );
}
