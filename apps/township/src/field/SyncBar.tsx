import { useLang } from '@hanjiang/ui';
import { Button, Tag } from 'antd';
import type { FieldSync } from './use-field-sync.js';

/** Online or not, sending or not, how many wait and how many need the cadre: always in view, in both languages. */
export function SyncBar({ sync }: { sync: FieldSync }) {
  const { t } = useLang();
  const waiting = sync.entries.filter((e) => e.state === 'waiting').length;
  const attention = sync.entries.length - waiting;
  return (
    <div
      className="field-sync"
      role="status"
      data-testid="sync-state"
      data-online={sync.online}
      data-sending={sync.sending}
      data-waiting={waiting}
      data-attention={attention}
    >
      <Tag className={sync.online ? 'sync-ok' : undefined}>
        {sync.online ? t('syncOnline') : t('syncOffline')}
      </Tag>
      {sync.sending && <Tag className="sync-busy">{t('syncSending')}</Tag>}
      {waiting > 0 ? (
        <Tag className="sync-waiting">{t('syncWaiting', { count: waiting })}</Tag>
      ) : (
        attention === 0 && <Tag>{t('syncAllSent')}</Tag>
      )}
      {attention > 0 && <Tag className="sync-attention">{t('syncAttention', { count: attention })}</Tag>}
      <Button size="small" onClick={sync.syncNow} disabled={!sync.online || sync.sending || waiting === 0}>
        {t('syncNow')}
      </Button>
    </div>
  );
}
