import { Alert, Button, Typography } from 'antd';
import { useLang } from '../i18n.js';

/**
 * The new key's whole secret, this once: the gateway stores only its hash. antd's copyable copies with the
 * Clipboard API and falls back to `execCommand('copy')` on plain-http intranets where `navigator.clipboard` is absent.
 */
export function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useLang();
  return (
    <Alert
      type="warning"
      showIcon
      className="key-secret"
      data-testid="key-secret"
      title={`${t('secretTitle')} · ${name}`}
      description={
        <>
          <p>{t('secretWarning')}</p>
          <Typography.Paragraph
            code
            className="key-secret-value"
            data-testid="key-secret-value"
            copyable={{
              text: secret,
              icon: [
                <span key="copy" className="key-copy">
                  {t('secretCopy')}
                </span>,
                <span key="copied" className="key-copy">
                  {t('secretCopied')}
                </span>,
              ],
              // Also the button's accessible name, which must contain its visible label.
              tooltips: [t('secretCopy'), t('secretCopied')],
            }}
          >
            {secret}
          </Typography.Paragraph>
          <Button onClick={onDone}>{t('secretDone')}</Button>
        </>
      }
    />
  );
}
