import { describe, expect, it } from 'vitest';
import { FieldQueue, memoryStore, type QueueEntry } from './queue.js';
import { drain, retried, type SendOutcome } from './sync.js';

const entry = (key: string, kind: QueueEntry['kind'] = 'visit'): QueueEntry => ({
  key,
  kind,
  householdId: 'h1',
  householdCode: 'BS-001',
  ownerName: '张三',
  seenVersion: 3,
  recordedAt: '2026-11-30T12:00:00.000Z',
  input: { householdId: 'h1' },
  state: 'waiting',
});

const CONFLICT = { code: 'CONFLICT', zh: '冲突', en: 'conflict' };

function scripted(outcomes: Record<string, SendOutcome[]>) {
  const sent: string[] = [];
  return {
    sent,
    send: (e: QueueEntry): Promise<SendOutcome> => {
      sent.push(e.key);
      return Promise.resolve(outcomes[e.key]?.shift() ?? { kind: 'sent' });
    },
  };
}

describe('the field queue', () => {
  it('sends in order and removes what landed', async () => {
    const queue = new FieldQueue(memoryStore(), 'cadre');
    for (const k of ['a', 'b', 'c']) await queue.add(entry(k));
    const s = scripted({});
    expect(await drain(queue, s.send, () => {})).toBe('done');
    expect(s.sent).toEqual(['a', 'b', 'c']);
    expect(await queue.list()).toEqual([]);
  });

  it('stops at a network failure and keeps that entry and the rest, in order, with their keys', async () => {
    const queue = new FieldQueue(memoryStore(), 'cadre');
    for (const k of ['a', 'b', 'c']) await queue.add(entry(k));
    const s = scripted({ b: [{ kind: 'network' }] });
    expect(await drain(queue, s.send, () => {})).toBe('offline');
    expect(s.sent).toEqual(['a', 'b']);
    expect((await queue.list()).map((e) => [e.key, e.state])).toEqual([
      ['b', 'waiting'],
      ['c', 'waiting'],
    ]);
    // The network returns: the same keys go again (a lost answer is answered by the first result, not doubled).
    expect(await drain(queue, s.send, () => {})).toBe('done');
    expect(s.sent).toEqual(['a', 'b', 'b', 'c']);
  });

  it('keeps a conflict in place with the current state until the cadre decides, and goes on with the rest', async () => {
    const queue = new FieldQueue(memoryStore(), 'cadre');
    await queue.add(entry('m', 'measure'));
    await queue.add(entry('v'));
    const current = { stage: 'SURVEYED' as const, version: 5, buildingAreaM2: null, updatedAt: 'x' };
    const s = scripted({ m: [{ kind: 'conflict', problem: CONFLICT, current }] });
    await drain(queue, s.send, () => {});
    const [kept, ...rest] = await queue.list();
    expect(rest).toEqual([]);
    expect(kept).toMatchObject({ key: 'm', state: 'conflict', current });
    // Not sent again by itself.
    await drain(queue, s.send, () => {});
    expect(s.sent).toEqual(['m', 'v']);
    // "Retry on the new version": a new key, the current version, waiting again.
    const again = retried(kept!, () => 'm2');
    expect(again).toMatchObject({ key: 'm2', seenVersion: 5, state: 'waiting' });
    expect(again).not.toHaveProperty('current');
  });

  it('keeps a refused entry (not a conflict) with the gateway’s message; a resend keeps its key', async () => {
    const queue = new FieldQueue(memoryStore(), 'cadre');
    await queue.add(entry('x'));
    const problem = { code: 'BAD_USER_INPUT', zh: '错误', en: 'bad' };
    await drain(queue, scripted({ x: [{ kind: 'failed', problem }] }).send, () => {});
    const [kept] = await queue.list();
    expect(kept).toMatchObject({ state: 'failed', problem });
    expect(retried(kept!, () => 'other')).toMatchObject({ key: 'x', state: 'waiting' });
  });

  it('keeps one cadre’s queue apart from another’s on a shared phone', async () => {
    const kv = memoryStore();
    await new FieldQueue(kv, 'a').add(entry('1'));
    expect(await new FieldQueue(kv, 'b').list()).toEqual([]);
  });
});
