import type { PublicMessage } from '@hanjiang/client';
import { Alert } from 'antd';
import { useLang } from './i18n.js';

/**
 * A gateway error in the reader's language: the gateway's own messageZh / messageEn, and its code. `bilingual`
 * shows both as the gateway sent them, Chinese first (pages whose readers pass the text on to integrators).
 */
export function ErrorBanner({
  error,
  onClose,
  bilingual = false,
}: {
  error: PublicMessage | null;
  onClose?: () => void;
  bilingual?: boolean;
}) {
  const { lang, t } = useLang();
  if (!error) return null;
  const code = t('errorCode', { code: error.code });
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={bilingual ? error.zh : error[lang]}
      description={
        bilingual ? (
          <>
            <div lang="en">{error.en}</div>
            <div>{code}</div>
          </>
        ) : (
          code
        )
      }
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 16 }}
    />
  );
}
