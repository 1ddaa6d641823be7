import { login, type PublicMessage, type Session } from '@hanjiang/client';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ErrorBanner } from './ErrorBanner.js';
import { useLang } from './i18n.js';
import { LanguageToggle } from './LanguageToggle.js';

export function Login({
  url,
  title,
  onSession,
}: {
  url: string;
  title: string;
  onSession: (session: Session) => void;
}) {
  const { t } = useLang();
  const [error, setError] = useState<PublicMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    const result = await login(url, values.username, values.password);
    setBusy(false);
    if ('error' in result) setError(result.error);
    else onSession(result.session);
  };
  return (
    <main className="hj-login">
      <Card style={{ width: 420 }} extra={<LanguageToggle />}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {title}
        </Typography.Title>
        <ErrorBanner error={error} />
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)}>
          <Form.Item
            label={t('username')}
            name="username"
            rules={[{ required: true, message: t('usernameRequired') }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            label={t('password')}
            name="password"
            rules={[{ required: true, message: t('passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('signIn')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
