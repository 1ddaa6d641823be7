// The phone's queue of field entries (issue 14, offline): kept in IndexedDB so it survives a reload, a closed tab
// and a dead battery; sent in the order recorded. Each entry carries its idempotency key (a resend after a lost
// answer returns the first result, never a second) and the household version the cadre saw.
import type { Stage } from '@hanjiang/domain';
import { createStore, get, set, update, type UseStore } from 'idb-keyval';

export type EntryKind = 'visit' | 'measure' | 'dispute';

/** What the gateway answered instead of accepting an entry, kept for the cadre to decide. */
export interface EntryProblem {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** The household as the gateway holds it now (after a CONFLICT). */
export interface CurrentHousehold {
  readonly stage: Stage;
  readonly version: number;
  readonly buildingAreaM2: number | null;
  readonly updatedAt: string;
}

export interface QueueEntry {
  /** The idempotency key, also the entry's identity in the queue. */
  readonly key: string;
  readonly kind: EntryKind;
  readonly householdId: string;
  readonly householdCode: string;
  readonly ownerName: string;
  /** The household version the cadre saw when recording (expectedVersion of a measurement). */
  readonly seenVersion: number;
  readonly recordedAt: string;
  /** The mutation's input without idempotencyKey and expectedVersion (added when sent). */
  readonly input: Readonly<Record<string, unknown>>;
  readonly state: 'waiting' | 'conflict' | 'failed';
  readonly problem?: EntryProblem;
  readonly current?: CurrentHousehold | null;
}

/** The little of a key-value store the queue needs: IndexedDB in the browser, a Map in unit tests. */
export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  update<T>(key: string, fn: (old: T | undefined) => T): Promise<void>;
}

export function indexedDbStore(): KeyValue {
  const store: UseStore = createStore('hanjiang-field', 'kv');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    update: (key, fn) => update(key, fn, store),
  };
}

/** One user's queue (a shared phone must not send one cadre's entries with another's token). */
export class FieldQueue {
  private readonly key: string;
  constructor(
    private readonly kv: KeyValue,
    subject: string,
  ) {
    this.key = `queue:${subject}`;
  }

  async list(): Promise<QueueEntry[]> {
    return (await this.kv.get<QueueEntry[]>(this.key)) ?? [];
  }

  add(entry: QueueEntry): Promise<void> {
    return this.kv.update<QueueEntry[]>(this.key, (old) => [...(old ?? []), entry]);
  }

  /** Replaces the entry `key` in place (its position, hence its turn, is kept). */
  replace(key: string, next: QueueEntry): Promise<void> {
    return this.kv.update<QueueEntry[]>(this.key, (old) =>
      (old ?? []).map((e) => (e.key === key ? next : e)),
    );
  }

  remove(key: string): Promise<void> {
    return this.kv.update<QueueEntry[]>(this.key, (old) => (old ?? []).filter((e) => e.key !== key));
  }
}

/** The working set cached for offline use: the team's households as last seen online. */
export interface CachedHousehold {
  readonly id: string;
  readonly code: string;
  readonly ownerName: string;
  readonly stage: Stage;
  readonly version: number;
  readonly village: string;
}

export function householdCache(kv: KeyValue, subject: string) {
  const key = `households:${subject}`;
  return {
    load: async () => (await kv.get<CachedHousehold[]>(key)) ?? null,
    save: (rows: readonly CachedHousehold[]) => kv.set(key, rows),
  };
}

/** A Map-backed store for tests. */
export function memoryStore(): KeyValue {
  const map = new Map<string, unknown>();
  return {
    get: <T>(key: string) => Promise.resolve(map.get(key) as T | undefined),
    set: (key, value) => Promise.resolve(void map.set(key, structuredClone(value))),
    update: <T>(key: string, fn: (old: T | undefined) => T) =>
      Promise.resolve(void map.set(key, structuredClone(fn(map.get(key) as T | undefined)))),
  };
}
