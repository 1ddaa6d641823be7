import type { ApiKeyFieldsFragment, ApiKeyUsageQuery } from '@hanjiang/client';
import { tenantByCode } from '@hanjiang/domain';
import { Button, Card, Descriptions, Popconfirm, Tag } from 'antd';
import { useLang } from '../i18n.js';
import { KEY_SCOPES, keyState } from './keys-logic.js';

type Usage = ApiKeyUsageQuery['apiKeyUsage'];

const TIME = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }),
};
// Dark enough for white text to pass WCAG AA (antd's preset green/red tags do not).
const STATE_COLOUR = { active: '#237804', revoked: '#a8071a', expired: '#595959' } as const;

/** One key: what it is, whose, its dates and last week's use; revoking asks first (it cannot be undone). */
export function KeyCard({
  apiKey: k,
  usage,
  now,
  mayRevoke,
  onRevoke,
}: {
  apiKey: ApiKeyFieldsFragment;
  usage: Usage | undefined;
  now: Date;
  mayRevoke: boolean;
  onRevoke: (key: ApiKeyFieldsFragment) => void;
}) {
  const { lang, t } = useLang();
  const state = keyState(k, now);
  const time = (iso: string | null, none: string) => (iso ? TIME[lang].format(new Date(iso)) : none);
  const tenant = tenantByCode(k.tenantCode);
  const limits =
    k.ratePerMinute == null && k.costPerMinute == null
      ? t('keyDefault')
      : t('keyLimitsValue', {
          rate: k.ratePerMinute ?? t('keyDefault'),
          cost: k.costPerMinute ?? t('keyDefault'),
        });
  return (
    <Card
      size="small"
      className="key-card"
      data-testid="key-card"
      data-key-id={k.id}
      title={
        <span className="key-card-title">
          <span>{k.name}</span> <Tag color={STATE_COLOUR[state]}>{t(`state${state}`)}</Tag>
        </span>
      }
      extra={
        mayRevoke && state !== 'revoked' ? (
          <Popconfirm
            title={t('keyRevoke')}
            description={<div className="key-revoke-confirm">{t('keyRevokeConfirm', { name: k.name })}</div>}
            okText={t('keyRevokeOk')}
            cancelText={t('keyRevokeCancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(k)}
          >
            <Button danger size="small">
              {t('keyRevoke')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('keyPrefix')}>
          <code>{k.prefix}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t('keyTenantCol')}>
          {tenant ? `${tenant.nameZh} (${k.tenantCode})` : k.tenantCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('keyScopesCol')}>
          {KEY_SCOPES.filter((scope) => k.scopes.includes(scope)).join(' · ')}
          {k.allowListOnly ? ' · ALLOW-LIST' : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('keyCreatedBy')}>{k.createdBy}</Descriptions.Item>
        <Descriptions.Item label={t('keyCreatedAt')}>{time(k.createdAt, '')}</Descriptions.Item>
        <Descriptions.Item label={t('keyExpiresAt')}>{time(k.expiresAt, t('keyNever'))}</Descriptions.Item>
        <Descriptions.Item label={t('keyLastUsed')}>
          {time(k.lastUsedAt, t('keyNeverUsed'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('keyRevokedAt')}>
          {time(k.revokedAt, t('keyNotRevoked'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('keyLimits')}>{limits}</Descriptions.Item>
        <Descriptions.Item label={t('keyUsage')}>
          <span data-testid="key-usage">
            {usage
              ? t('keyUsageValue', {
                  operations: usage.operations,
                  errors: usage.errors,
                  cost: Math.round(usage.cost),
                })
              : '…'}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
