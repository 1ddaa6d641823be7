import {
  AdvanceStageDocument,
  AttemptKeys,
  publicMessage,
  type HanjiangClient,
  type HouseholdCardFieldsFragment,
  type PublicMessage,
} from '@hanjiang/client';
import {
  COMPENSATION_CHOICE_LABELS,
  CompensationChoice,
  STAGE_LABELS,
  type PayloadProblem,
} from '@hanjiang/domain';
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useLang } from '@hanjiang/ui';
import { useMemo, useRef, useState } from 'react';
import { advancePayload, stageFormPlan, type FormValues } from '../stage-form.js';

/**
 * Records the next stage: the fields come from the stage machine (stage-form.ts), the idempotency key from
 * AttemptKeys (one per attempt, the same on a retry). A CONFLICT means someone else changed the household: the
 * card reloads and shows its current state.
 */
export function AdvanceForm({
  client,
  household,
  onDone,
  onConflict,
}: {
  client: HanjiangClient;
  household: HouseholdCardFieldsFragment;
  onDone: (updated: HouseholdCardFieldsFragment) => void;
  onConflict: () => void;
}) {
  const { lang, t } = useLang();
  const [form] = Form.useForm<FormValues>();
  const [choice, setChoice] = useState<CompensationChoice | null>(null);
  const plan = useMemo(() => stageFormPlan(household.stage, choice), [household.stage, choice]);
  const keys = useRef(new AttemptKeys());
  const [message, setMessage] = useState<PublicMessage | null>(null);
  const [problems, setProblems] = useState<PayloadProblem[]>([]);
  const [busy, setBusy] = useState(false);
  if (!plan) return null;

  const submit = async (values: FormValues) => {
    const payload = advancePayload(plan, values);
    if (!payload.ok) {
      setProblems(payload.problems);
      return;
    }
    setProblems([]);
    const attempt = {
      householdId: household.id,
      toStage: plan.toStage,
      expectedVersion: household.version,
      ...payload.input,
    };
    const idempotencyKey = keys.current.keyFor(attempt);
    setBusy(true);
    const result = await client.urql
      .mutation(AdvanceStageDocument, { input: { ...attempt, idempotencyKey } })
      .toPromise();
    setBusy(false);
    // A lost answer keeps the attempt (and its key) for the retry; any answer from the gateway settles it.
    if (!result.error?.networkError) keys.current.settled();
    const error = publicMessage(result.error);
    setMessage(error);
    if (error?.code === 'CONFLICT') onConflict();
    else if (result.data) {
      form.resetFields();
      onDone(result.data.advanceStage);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      aria-label={t('nextStage', { stage: STAGE_LABELS[plan.toStage][lang] })}
      onFinish={(v) => void submit(v)}
    >
      <h3>{t('nextStage', { stage: STAGE_LABELS[plan.toStage][lang] })}</h3>
      {plan.fields.map((field) => (
        <Form.Item
          key={field.input}
          label={field.label[lang]}
          name={field.input}
          htmlFor={`f-${field.input}`}
        >
          {field.kind === 'choice' ? (
            <Select
              id={`f-${field.input}`}
              options={Object.values(CompensationChoice).map((c) => ({
                value: c,
                label: COMPENSATION_CHOICE_LABELS[c][lang],
              }))}
              onChange={(c: CompensationChoice) => setChoice(c)}
            />
          ) : (
            <Input
              id={`f-${field.input}`}
              inputMode={field.kind === 'site' ? 'text' : 'decimal'}
              suffix={field.kind === 'area' ? '㎡' : field.kind === 'yuan' ? t('yuan') : undefined}
            />
          )}
        </Form.Item>
      ))}
      {problems.length > 0 && (
        <Alert
          type="warning"
          role="alert"
          title={problems
            .map((p) => (lang === 'zh' ? p.messageZh : p.messageEn))
            .join(lang === 'zh' ? ';' : '; ')}
          style={{ marginBottom: 12 }}
        />
      )}
      {message && (
        <Alert
          type="error"
          role="alert"
          style={{ marginBottom: 12 }}
          title={message.code === 'CONFLICT' ? t('conflictReloaded') : message[lang]}
        />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {message?.code === 'NETWORK' ? t('retry') : t('submit')}
        </Button>
      </Space>
    </Form>
  );
}
