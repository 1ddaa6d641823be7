import type { HanjiangClient } from '@hanjiang/client';
import { useLang } from '@hanjiang/ui';
import { Spin } from 'antd';
import { EntryForm } from './EntryForm.js';
import { QueueList } from './QueueList.js';
import { SyncBar } from './SyncBar.js';
import { useFieldSync } from './use-field-sync.js';

/**
 * The cadre's field page (issue 14): records visits, measurements and disputes on the phone, with or without
 * network. The app shell comes from the service worker (vite.config.ts), the team's households and the queue
 * from IndexedDB; entries go out in order when the network returns (sync.ts).
 */
export function FieldPage({ client, subject }: { client: HanjiangClient; subject: string }) {
  const { t } = useLang();
  const sync = useFieldSync(client, subject);
  return (
    <div className="field-page" data-testid="field-page">
      <h2>{t('fieldTitle')}</h2>
      <SyncBar sync={sync} />
      {sync.households === null ? (
        sync.online ? (
          <Spin />
        ) : (
          <p className="muted">{t('noCachedHouseholds')}</p>
        )
      ) : (
        <EntryForm households={sync.households} onAdd={sync.add} />
      )}
      <QueueList sync={sync} />
    </div>
  );
}
