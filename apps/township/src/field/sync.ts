// Sending the queue: in order, one at a time, stopping at the first network failure (the rest wait for the
// network, keeping their order). A CONFLICT or a refusal never drops an entry: it stays in its place, marked, with
// the household's current state, until the cadre retries it on the new version or discards it.
import {
  AdvanceStageDocument,
  FieldHouseholdDocument,
  OpenDisputeDocument,
  publicMessage,
  RecordVisitDocument,
  type HanjiangClient,
} from '@hanjiang/client';
import type { CurrentHousehold, EntryProblem, FieldQueue, QueueEntry } from './queue.js';

export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'network' }
  | { readonly kind: 'conflict'; readonly problem: EntryProblem; readonly current: CurrentHousehold | null }
  | { readonly kind: 'failed'; readonly problem: EntryProblem };

export type Sender = (entry: QueueEntry) => Promise<SendOutcome>;

/** Sends one entry with its key (and, for a measurement, the version it saw) through the typed client. */
export function gatewaySender(client: HanjiangClient): Sender {
  return async (entry) => {
    const idempotencyKey = entry.key;
    const result = await (() => {
      switch (entry.kind) {
        case 'visit':
          return client.urql
            .mutation(RecordVisitDocument, { input: { ...entry.input, idempotencyKey } as never })
            .toPromise();
        case 'dispute':
          return client.urql
            .mutation(OpenDisputeDocument, { input: { ...entry.input, idempotencyKey } as never })
            .toPromise();
        case 'measure':
          return client.urql
            .mutation(AdvanceStageDocument, {
              input: { ...entry.input, idempotencyKey, expectedVersion: entry.seenVersion } as never,
            })
            .toPromise();
      }
    })();
    const message = publicMessage(result.error);
    if (!message) return { kind: 'sent' };
    if (message.code === 'NETWORK') return { kind: 'network' };
    const problem = { code: message.code, zh: message.zh, en: message.en };
    if (message.code !== 'CONFLICT') return { kind: 'failed', problem };
    const now = await client.urql
      .query(FieldHouseholdDocument, { id: entry.householdId }, { requestPolicy: 'network-only' })
      .toPromise();
    const h = now.data?.household;
    return {
      kind: 'conflict',
      problem,
      current: h
        ? {
            stage: h.stage,
            version: h.version,
            buildingAreaM2: h.buildingAreaM2 ?? null,
            updatedAt: h.updatedAt,
          }
        : null,
    };
  };
}

/** Sends every waiting entry in order; 'offline' when the network failed on the way (the rest keep waiting). */
export async function drain(
  queue: FieldQueue,
  send: Sender,
  onChange: () => void,
): Promise<'done' | 'offline'> {
  for (const entry of await queue.list()) {
    if (entry.state !== 'waiting') continue;
    const outcome = await send(entry);
    switch (outcome.kind) {
      case 'sent':
        await queue.remove(entry.key);
        break;
      case 'network':
        return 'offline';
      case 'conflict':
        await queue.replace(entry.key, {
          ...entry,
          state: 'conflict',
          problem: outcome.problem,
          current: outcome.current,
        });
        break;
      case 'failed':
        await queue.replace(entry.key, { ...entry, state: 'failed', problem: outcome.problem });
        break;
    }
    onChange();
  }
  return 'done';
}

/**
 * The cadre's choice on a conflict: send again on the version the gateway holds now, under a NEW key (the first
 * attempt wrote nothing, and its key is bound to the old input). A refused entry is sent again as it was.
 */
export function retried(entry: QueueEntry, newKey: () => string = () => crypto.randomUUID()): QueueEntry {
  const { problem: _p, current, ...rest } = entry;
  return entry.state === 'conflict' && current
    ? { ...rest, key: newKey(), seenVersion: current.version, state: 'waiting' }
    : { ...rest, state: 'waiting' };
}
