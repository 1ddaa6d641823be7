import {
  type HanjiangClient,
  type InspectionTargetKind,
  type InspectionTargetsQuery,
  publicMessage,
  type PublicMessage,
  RecordInspectionDocument,
} from '@hanjiang/client';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { Alert, Button, Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import type { CampaignWeek } from '../periods.js';

interface Values {
  targetKind: InspectionTargetKind;
  headquartersCode: string;
  teamId?: string;
  period: string;
  score: number;
  note?: string;
}

/**
 * Records one 四察四看 score. Shown only to those packages/authz lets record (the supervision group); the gateway
 * checks again, and its refusals and conflicts (one score per unit and period) show in its own words.
 */
export function RecordInspection({
  client,
  targets,
  weeks,
  onRecorded,
}: {
  client: HanjiangClient;
  targets: InspectionTargetsQuery;
  weeks: readonly CampaignWeek[];
  onRecorded: () => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('targetKind', form);
  const [error, setError] = useState<PublicMessage | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setDone(null);
    const team = values.targetKind === 'TEAM' ? targets.teams.find((x) => x.id === values.teamId) : undefined;
    const headquartersCode = team ? team.headquarters.code : values.headquartersCode;
    const result = await client.urql
      .mutation(RecordInspectionDocument, {
        input: {
          targetKind: values.targetKind,
          headquartersCode,
          teamId: team?.id ?? null,
          period: values.period,
          score: values.score,
          note: values.note?.trim() || null,
        },
      })
      .toPromise();
    setBusy(false);
    setError(publicMessage(result.error));
    if (result.data) {
      const name = team?.name ?? targets.headquarters.find((h) => h.code === headquartersCode)?.nameZh ?? '';
      setDone(t('recorded', { name, period: values.period, score: values.score }));
      onRecorded();
    }
  };

  return (
    <section aria-labelledby="record-title" className="record">
      <h3 id="record-title">{t('recordTitle')}</h3>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {done && <Alert type="success" role="status" title={done} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name="record"
        layout="vertical"
        initialValues={{
          targetKind: 'HEADQUARTERS',
          headquartersCode: targets.headquarters[0]?.code,
          period: weeks[0]?.period,
        }}
        onFinish={(values) => void submit(values)}
      >
        <div className="record-fields">
          <Form.Item name="targetKind" label={t('targetKind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'HEADQUARTERS', label: t('kindHeadquarters') },
                { value: 'TEAM', label: t('kindTeam') },
              ]}
            />
          </Form.Item>
          {kind === 'TEAM' ? (
            <Form.Item
              name="teamId"
              label={t('team')}
              rules={[{ required: true, message: t('teamRequired') }]}
            >
              <select className="hj-native-select">
                <option value="">{t('chooseTeam')}</option>
                {targets.teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </Form.Item>
          ) : (
            <Form.Item name="headquartersCode" label={t('headquarters')}>
              <select className="hj-native-select">
                {targets.headquarters.map((h) => (
                  <option key={h.code} value={h.code}>
                    {h.nameZh}
                  </option>
                ))}
              </select>
            </Form.Item>
          )}
          <Form.Item name="period" label={t('period')}>
            <select className="hj-native-select">
              {weeks.map((w) => (
                <option key={w.period} value={w.period}>
                  {t('weekLabel', { n: w.n, from: w.from, to: w.to })}
                </option>
              ))}
            </select>
          </Form.Item>
          <Form.Item
            name="score"
            label={t('score')}
            rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('scoreRequired') }]}
          >
            <InputNumber min={0} max={100} step={0.5} style={{ width: 140 }} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button autoInsertSpace={false} type="primary" htmlType="submit" loading={busy}>
          {t('record')}
        </Button>
      </Form>
    </section>
  );
}
