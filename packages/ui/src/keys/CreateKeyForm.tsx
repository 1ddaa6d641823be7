import type { Principal } from '@hanjiang/authz';
import type { ApiKeyScope } from '@hanjiang/client';
import { Button, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useMemo } from 'react';
import { useLang } from '../i18n.js';
import { KEY_SCOPES, type KeyForm, keyTenantChoices } from './keys-logic.js';

type Fields = Omit<KeyForm, 'scopes'> & { scopes: ApiKeyScope[] };

/** Name, tenant (only those packages/authz lets this person choose), scopes, expiry, optional limits. */
export function CreateKeyForm({
  principal,
  busy,
  onSubmit,
}: {
  principal: Principal;
  busy: boolean;
  /** Resolves true once the key exists: the form then empties for the next one. */
  onSubmit: (form: KeyForm) => Promise<boolean>;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<Fields>();
  const tenants = useMemo(() => keyTenantChoices(principal), [principal]);
  const initial: Fields = {
    name: '',
    // A commander has one choice, their own tenant: already picked.
    tenant: tenants.length === 1 ? tenants[0]!.code : '',
    scopes: ['READ'],
    validThrough: '',
    ratePerMinute: null,
    costPerMinute: null,
    allowListOnly: false,
  };
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      className="key-form"
      aria-label={t('keysNew')}
      initialValues={initial}
      onFinish={(values) =>
        void onSubmit({ ...initial, ...values }).then((done) => done && form.resetFields())
      }
    >
      <Form.Item
        name="name"
        label={t('keyName')}
        rules={[{ required: true, whitespace: true, message: t('keyNameRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="tenant"
        label={t('keyTenant')}
        rules={[{ required: true, message: t('keyTenantRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={tenants.map((x) => ({ value: x.code, label: `${x.nameZh} (${x.code})` }))}
        />
      </Form.Item>
      <Form.Item name="scopes" label={t('keyScopes')}>
        <Checkbox.Group className="key-scopes">
          {KEY_SCOPES.map((scope) => (
            <Checkbox key={scope} value={scope} disabled={scope === 'READ'}>
              {t(`scope${scope}`)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="allowListOnly" valuePropName="checked">
        <Checkbox>{t('keyAllowListOnly')}</Checkbox>
      </Form.Item>
      <div className="key-form-row">
        <Form.Item name="validThrough" label={t('keyValidThrough')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="ratePerMinute" label={t('keyRate')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="costPerMinute" label={t('keyCost')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" loading={busy}>
        {busy ? t('keyCreating') : t('keyCreate')}
      </Button>
    </Form>
  );
}
