import { login, type PublicMessage, type Session } from '@hanjiang/client';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';

export function Login({ url, onSession }: { url: string; onSession: (session: Session) => void }) {
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
    <main className="login">
      <Card style={{ width: 420 }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          乡镇征迁工作台
        </Typography.Title>
        {error && <Alert type="error" title={error.zh} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
