import {
  CreateResettlementSiteDocument,
  publicMessage,
  type HanjiangClient,
  type PublicMessage,
} from '@hanjiang/client';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';

interface Values {
  name: string;
  townshipCode: string;
  plannedUnits: string;
}

/** A commander registers a resettlement site of the headquarters (name unique within it, 1–100,000 units). */
export function CreateSiteForm({
  client,
  hqCode,
  townships,
  onCreated,
}: {
  client: HanjiangClient;
  hqCode: string;
  townships: readonly { code: string; nameZh: string }[];
  onCreated: () => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PublicMessage | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    const result = await client.urql
      .mutation(CreateResettlementSiteDocument, {
        input: {
          headquartersCode: hqCode,
          townshipCode: v.townshipCode,
          name: v.name.trim(),
          plannedUnits: Number(v.plannedUnits),
        },
      })
      .toPromise();
    setBusy(false);
    setError(publicMessage(result.error));
    const site = result.data?.createResettlementSite;
    setCreated(site?.name ?? null);
    if (site) {
      form.resetFields();
      onCreated();
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      className="hq-site-form"
      aria-labelledby="create-site-title"
      onFinish={(v) => void submit(v)}
    >
      <h3 id="create-site-title">{t('createSite')}</h3>
      <div className="hq-form-row">
        <Form.Item
          label={t('siteName')}
          name="name"
          htmlFor="site-name"
          rules={[{ required: true, whitespace: true, max: 100, message: t('siteNameRequired') }]}
        >
          <Input id="site-name" maxLength={100} />
        </Form.Item>
        <Form.Item
          label={t('siteTownship')}
          name="townshipCode"
          htmlFor="site-township"
          rules={[{ required: true, message: t('siteTownshipRequired') }]}
        >
          <select id="site-township" className="hj-native-select">
            <option value="" />
            {townships.map((x) => (
              <option key={x.code} value={x.code}>
                {x.nameZh}
              </option>
            ))}
          </select>
        </Form.Item>
        <Form.Item
          label={t('siteUnits')}
          name="plannedUnits"
          htmlFor="site-units"
          rules={[
            {
              required: true,
              pattern: /^[1-9]\d{0,4}$|^100000$/,
              message: t('siteUnitsRequired'),
            },
          ]}
        >
          <Input id="site-units" inputMode="numeric" />
        </Form.Item>
      </div>
      <ErrorBanner error={error} />
      {created && <Alert type="success" role="status" title={t('created', { name: created })} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('submit')}
      </Button>
    </Form>
  );
}
