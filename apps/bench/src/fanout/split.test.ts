// The fan-out's split of sockets over client processes and gateway replicas (`pnpm test` here, vitest).
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { parseBenchArgs } from '../args.js';
import { clientProcesses, shareSockets, subscriptionsPerReplica } from './split.js';

test('one gateway: the client processes are as before (two, one per 10,000 past 20,000)', () => {
  assert.deepEqual(
    [200, 10_000, 20_000, 50_000].map((n) => clientProcesses(n)),
    [2, 2, 2, 5],
  );
});

test('two replicas: a multiple of two processes, so each replica gets as many', () => {
  assert.deepEqual(
    [10_000, 20_000, 50_000].map((n) => clientProcesses(n, 2)),
    [2, 2, 6],
  );
  assert.equal(clientProcesses(50_000, 3), 6);
});

test('every socket goes to exactly one process, round-robin as with one gateway', () => {
  const shares = shareSockets(5_000, 6, 2);
  const all = shares.flatMap((s) => s.sockets).sort((a, b) => a - b);
  assert.deepEqual(
    all,
    Array.from({ length: 5_000 }, (_, i) => i),
  );
  for (const [k, share] of shares.entries()) {
    assert.equal(share.replica, k % 2);
    assert.ok(share.sockets.every((i) => i % 6 === k));
  }
});

test('subscribers split evenly over two replicas (within one socket per process)', () => {
  for (const n of [10_000, 20_000, 50_000, 12_340]) {
    const sockets = Math.ceil(n / 10);
    const shares = shareSockets(sockets, clientProcesses(n, 2), 2);
    const [a, b] = subscriptionsPerReplica(shares, 2, 10);
    assert.equal(a! + b!, sockets * 10);
    assert.ok(Math.abs(a! - b!) <= (clientProcesses(n, 2) / 2) * 10, `${n}: ${a} vs ${b}`);
  }
  assert.deepEqual(subscriptionsPerReplica(shareSockets(1_000, 2, 2), 2, 10), [5_000, 5_000]);
});

test('one replica keeps every socket on the one gateway', () => {
  const shares = shareSockets(1_001, 2, 1);
  assert.deepEqual(subscriptionsPerReplica(shares, 1, 10), [10_010]);
});

test('processes that do not divide over the replicas are refused', () => {
  assert.throws(() => shareSockets(100, 3, 2), /do not split/);
});

test('--fanout-replicas: default 1, a positive integer otherwise', () => {
  assert.equal(parseBenchArgs([]).fanoutReplicas, 1);
  assert.equal(parseBenchArgs(['--', '--fanout-replicas', '2']).fanoutReplicas, 2);
  assert.throws(() => parseBenchArgs(['--fanout-replicas', '0']), /positive integer/);
  assert.throws(() => parseBenchArgs(['--fanout-replicas', '1.5']), /positive integer/);
});
