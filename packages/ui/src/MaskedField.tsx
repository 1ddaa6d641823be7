import { Tag, Tooltip } from 'antd';
import { useLang } from './i18n.js';

/**
 * A personal-data value exactly as the gateway sent it. Masking is decided by the gateway (packages/authz); this
 * only says so when the value came masked, and never tries to unmask or re-mask anything.
 */
export function MaskedField({
  value,
  masked,
  testId,
}: {
  value: string | null;
  masked: boolean;
  testId?: string;
}) {
  const { t } = useLang();
  return (
    <span>
      <span data-testid={testId}>{value ?? '—'}</span>
      {masked && (
        <Tooltip title={t('maskedHint')}>
          <Tag style={{ marginInlineStart: 8 }}>{t('masked')}</Tag>
        </Tooltip>
      )}
    </span>
  );
}
