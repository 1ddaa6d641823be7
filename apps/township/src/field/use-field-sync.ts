import { FieldHouseholdsDocument, FieldTeamDocument, type HanjiangClient } from '@hanjiang/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { drain, gatewaySender } from './sync.js';
import {
  FieldQueue,
  householdCache,
  indexedDbStore,
  type CachedHousehold,
  type QueueEntry,
} from './queue.js';

export interface FieldSync {
  readonly entries: readonly QueueEntry[];
  readonly households: readonly CachedHousehold[] | null;
  readonly online: boolean;
  readonly sending: boolean;
  readonly add: (entry: QueueEntry) => Promise<void>;
  readonly replace: (key: string, next: QueueEntry) => Promise<void>;
  readonly remove: (key: string) => Promise<void>;
  readonly syncNow: () => void;
}

// While entries wait, try again this often even without an `online` event (a captive network says "online").
const RETRY_MS = 5_000;

/** The queue, the cached working set and the sync loop of one signed-in cadre. */
export function useFieldSync(client: HanjiangClient, subject: string): FieldSync {
  const kv = useMemo(() => indexedDbStore(), []);
  const queue = useMemo(() => new FieldQueue(kv, subject), [kv, subject]);
  const cache = useMemo(() => householdCache(kv, subject), [kv, subject]);
  const [entries, setEntries] = useState<readonly QueueEntry[]>([]);
  const [households, setHouseholds] = useState<readonly CachedHousehold[] | null>(null);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);
  const refresh = useCallback(async () => setEntries(await queue.list()), [queue]);

  const loadHouseholds = useCallback(async () => {
    const me = await client.urql.query(FieldTeamDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    if (!me.data) return;
    const result = await client.urql
      .query(
        FieldHouseholdsDocument,
        { teamId: me.data.me.teamId ?? null, first: 100 },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (!result.data) return;
    const rows = result.data.households.edges.map(({ node }) => ({
      id: node.id,
      code: node.code,
      ownerName: node.ownerName,
      stage: node.stage,
      version: node.version,
      village: node.village.name,
    }));
    await cache.save(rows);
    setHouseholds(rows);
  }, [client, cache]);

  const syncNow = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    void (async () => {
      try {
        const result = await drain(queue, gatewaySender(client), () => void refresh());
        setOnline(result === 'done');
        // What was sent moved households on: the working set shows their new stage and version.
        if (result === 'done') await loadHouseholds();
      } finally {
        busy.current = false;
        setSending(false);
        await refresh();
      }
    })();
  }, [client, queue, refresh, loadHouseholds]);

  useEffect(() => {
    void refresh();
    void cache.load().then((rows) => rows && setHouseholds((h) => h ?? rows));
    if (navigator.onLine) syncNow();
    const up = () => {
      setOnline(true);
      syncNow();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [cache, refresh, syncNow]);

  const waiting = entries.some((e) => e.state === 'waiting');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => navigator.onLine && syncNow(), RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting, syncNow]);

  return {
    entries,
    households,
    online,
    sending,
    add: async (entry) => {
      await queue.add(entry);
      await refresh();
      if (navigator.onLine) syncNow();
    },
    replace: async (key, next) => {
      await queue.replace(key, next);
      await refresh();
      if (navigator.onLine) syncNow();
    },
    remove: async (key) => {
      await queue.remove(key);
      await refresh();
    },
    syncNow,
  };
}
