import type { PublicMessage } from '@hanjiang/client';
import { Alert } from 'antd';
import { useLang } from './i18n.js';

/** A gateway error in the reader's language: the gateway's own messageZh / messageEn, and its code. */
export function ErrorBanner({ error, onClose }: { error: PublicMessage | null; onClose?: () => void }) {
  const { lang, t } = useLang();
  if (!error) return null;
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={error[lang]}
      description={t('errorCode', { code: error.code })}
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 16 }}
    />
  );
}
