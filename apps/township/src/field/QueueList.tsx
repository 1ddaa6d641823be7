import { STAGE_LABELS } from '@hanjiang/domain';
import { useLang } from '@hanjiang/ui';
import { Alert, Button, Space, Tag } from 'antd';
import type { QueueEntry } from './queue.js';
import { retried } from './sync.js';
import type { FieldSync } from './use-field-sync.js';

const KIND_TEXT = { visit: 'entryVisit', measure: 'entryMeasure', dispute: 'entryDispute' } as const;
const STATE_TEXT = { waiting: 'stateWaiting', conflict: 'stateConflict', failed: 'stateFailed' } as const;
const TIME = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', timeStyle: 'short', dateStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', timeStyle: 'short', dateStyle: 'short' }),
};

/** The entries still on the phone, in the order they will be sent; a conflict or refusal waits for a choice. */
export function QueueList({ sync }: { sync: FieldSync }) {
  const { t } = useLang();
  return (
    <section aria-labelledby="queue-title">
      <h3 id="queue-title">{t('queueTitle')}</h3>
      {sync.entries.length === 0 ? (
        <p className="muted">{t('queueEmpty')}</p>
      ) : (
        <ol className="field-queue" data-testid="field-queue">
          {sync.entries.map((entry) => (
            <Entry key={entry.key} entry={entry} sync={sync} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Entry({ entry, sync }: { entry: QueueEntry; sync: FieldSync }) {
  const { lang, t } = useLang();
  return (
    <li data-state={entry.state} data-kind={entry.kind} data-household={entry.householdCode}>
      <Tag className={entry.state === 'waiting' ? 'sync-waiting' : 'sync-attention'}>
        {t(STATE_TEXT[entry.state])}
      </Tag>
      {t(KIND_TEXT[entry.kind])} · {entry.householdCode} {entry.ownerName} ·{' '}
      {TIME[lang].format(new Date(entry.recordedAt))} ·{' '}
      <span className="muted">{t('seenVersion', { version: entry.seenVersion })}</span>
      {entry.state !== 'waiting' && (
        <Alert
          type={entry.state === 'conflict' ? 'warning' : 'error'}
          role="alert"
          style={{ marginTop: 8 }}
          title={
            entry.state === 'conflict'
              ? entry.current
                ? t('conflictNow', {
                    stage: STAGE_LABELS[entry.current.stage][lang],
                    version: entry.current.version,
                    at: TIME[lang].format(new Date(entry.current.updatedAt)),
                  })
                : t('conflictGone')
              : entry.problem?.[lang]
          }
          action={
            <Space orientation="vertical">
              {(entry.state === 'failed' || entry.current) && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => void sync.replace(entry.key, retried(entry))}
                >
                  {entry.state === 'conflict' ? t('retryNewVersion') : t('sendAgain')}
                </Button>
              )}
              <Button size="small" onClick={() => void sync.remove(entry.key)}>
                {t('discard')}
              </Button>
            </Space>
          }
        />
      )}
    </li>
  );
}
