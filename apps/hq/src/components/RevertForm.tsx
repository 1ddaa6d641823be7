import {
  AttemptKeys,
  publicMessage,
  RevertStageDocument,
  type HanjiangClient,
  type HqHouseholdFieldsFragment,
  type PublicMessage,
} from '@hanjiang/client';
import { previousStage, REVERT_REASON_MAX_LENGTH, STAGE_LABELS } from '@hanjiang/domain';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { Button, Form, Input } from 'antd';
import { useRef, useState } from 'react';

/**
 * A commander's correction: the household one stage back (packages/domain's stage machine), with a reason the
 * form requires. The idempotency key is kept for a retry after a lost answer; a CONFLICT asks for a reload.
 */
export function RevertForm({
  client,
  household,
  onDone,
  onConflict,
  onCancel,
}: {
  client: HanjiangClient;
  household: HqHouseholdFieldsFragment;
  onDone: (updated: HqHouseholdFieldsFragment) => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const { lang, t } = useLang();
  const keys = useRef(new AttemptKeys());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PublicMessage | null>(null);
  const to = previousStage(household.stage);
  if (!to) return null;

  const submit = async ({ reason }: { reason: string }) => {
    const attempt = { householdId: household.id, expectedVersion: household.version, reason: reason.trim() };
    const idempotencyKey = keys.current.keyFor(attempt);
    setBusy(true);
    const result = await client.urql
      .mutation(RevertStageDocument, { input: { ...attempt, idempotencyKey } })
      .toPromise();
    setBusy(false);
    // A lost answer keeps the attempt (and its key) for the retry; any answer from the gateway settles it.
    if (!result.error?.networkError) keys.current.settled();
    const failure = publicMessage(result.error);
    setError(failure);
    if (failure?.code === 'CONFLICT') onConflict();
    else if (result.data) onDone(result.data.revertStage);
  };

  const title = t('revertTitle', {
    code: household.code,
    from: STAGE_LABELS[household.stage][lang],
    to: STAGE_LABELS[to][lang],
  });
  return (
    <Form layout="vertical" aria-label={title} onFinish={(v: { reason: string }) => void submit(v)}>
      <h3>{title}</h3>
      <Form.Item
        label={t('reason')}
        name="reason"
        htmlFor="revert-reason"
        rules={[
          { required: true, whitespace: true, message: t('reasonRequired') },
          {
            max: REVERT_REASON_MAX_LENGTH,
            message: t('reasonTooLong', { max: REVERT_REASON_MAX_LENGTH }),
          },
        ]}
      >
        <Input.TextArea id="revert-reason" rows={3} />
      </Form.Item>
      {error && error.code === 'CONFLICT' ? (
        <p role="alert" className="hq-warning">
          {t('conflict')}
        </p>
      ) : (
        <ErrorBanner error={error} />
      )}
      <div className="hj-row">
        <Button type="primary" htmlType="submit" loading={busy}>
          {error?.code === 'NETWORK' ? t('retry') : t('submit')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </Form>
  );
}
