import {
  AdvanceStageDocument,
  publicMessage,
  type HanjiangClient,
  type HouseholdCardFieldsFragment,
  type PublicMessage,
} from '@hanjiang/client';
import { COMPENSATION_CHOICE_LABELS, CompensationChoice, STAGE_LABELS } from '@hanjiang/domain';
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { AttemptKeys } from '../idempotency.js';
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
  const [form] = Form.useForm<FormValues>();
  const [choice, setChoice] = useState<CompensationChoice | null>(null);
  const plan = useMemo(() => stageFormPlan(household.stage, choice), [household.stage, choice]);
  const keys = useRef(new AttemptKeys());
  const [message, setMessage] = useState<PublicMessage | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  if (!plan) return null;

  const submit = async (values: FormValues) => {
    const payload = advancePayload(plan, values);
    if (!payload.ok) {
      setProblems(payload.problems.map((p) => p.messageZh));
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
      aria-label={`记录下一环节:${STAGE_LABELS[plan.toStage].zh}`}
      onFinish={(v) => void submit(v)}
    >
      <h3>记录下一环节:{STAGE_LABELS[plan.toStage].zh}</h3>
      {plan.fields.map((field) => (
        <Form.Item key={field.input} label={field.label.zh} name={field.input} htmlFor={`f-${field.input}`}>
          {field.kind === 'choice' ? (
            <Select
              id={`f-${field.input}`}
              options={Object.values(CompensationChoice).map((c) => ({
                value: c,
                label: COMPENSATION_CHOICE_LABELS[c].zh,
              }))}
              onChange={(c: CompensationChoice) => setChoice(c)}
            />
          ) : (
            <Input
              id={`f-${field.input}`}
              inputMode={field.kind === 'site' ? 'text' : 'decimal'}
              suffix={field.kind === 'area' ? '㎡' : field.kind === 'yuan' ? '元' : undefined}
            />
          )}
        </Form.Item>
      ))}
      {problems.length > 0 && (
        <Alert type="warning" role="alert" title={problems.join(';')} style={{ marginBottom: 12 }} />
      )}
      {message && (
        <Alert
          type="error"
          role="alert"
          style={{ marginBottom: 12 }}
          title={message.code === 'CONFLICT' ? '该户已被他人修改,已重新加载,请核对后再提交' : message.zh}
        />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {message?.code === 'NETWORK' ? '重试' : '提交'}
        </Button>
      </Space>
    </Form>
  );
}
