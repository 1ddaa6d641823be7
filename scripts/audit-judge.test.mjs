// node --test scripts/audit-judge.test.mjs — the allow-list rule of `pnpm check:audit`, on reports shaped like
// `pnpm audit --json` (npm's v6 audit format: advisories keyed by id, metadata.vulnerabilities counts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judge } from './audit-judge.mjs';

const advisory = (id, severity, extra = {}) => ({
  id,
  module_name: `pkg-${id}`,
  severity,
  title: `advisory ${id}`,
  vulnerable_versions: '<1.2.3',
  url: `https://github.com/advisories/GHSA-${id}`,
  ...extra,
});
const report = {
  advisories: {
    1: advisory(1, 'critical'),
    2: advisory(2, 'high', { github_advisory_id: 'GHSA-hhhh-2222-xxxx' }),
    3: advisory(3, 'moderate'),
    4: advisory(4, 'low'),
  },
  metadata: { vulnerabilities: { low: 1, moderate: 1, high: 1, critical: 1 } },
};

test('a high or critical advisory nobody explained blocks; moderate and low do not', () => {
  const result = judge(report, { advisories: [] });
  assert.equal(result.unexplained.length, 2);
  assert.match(result.unexplained[0], /critical pkg-1/);
  assert.match(result.unexplained[1], /high pkg-2/);
});

test('an entry with a reason explains its advisory, by GHSA id or by the URL’s id', () => {
  const result = judge(report, {
    advisories: [
      { id: 'GHSA-hhhh-2222-xxxx', reason: 'only reachable through the dev server, never in production' },
      { id: 'GHSA-1', reason: 'the vulnerable parser is not called with untrusted input' },
    ],
  });
  assert.deepEqual(result.unexplained, []);
  assert.equal(result.explained.length, 2);
});

test('an entry without a reason is refused, and an entry that matches nothing is reported stale', () => {
  const result = judge(report, {
    advisories: [
      { id: 'GHSA-1', reason: '' },
      { id: 'GHSA-gone', reason: 'fixed upstream long ago, kept by mistake' },
    ],
  });
  assert.deepEqual(result.unreasoned, ['GHSA-1']);
  assert.deepEqual(result.stale, ['GHSA-gone']);
  assert.equal(result.unexplained.length, 2);
});

test('an empty report passes', () => {
  assert.deepEqual(judge({ advisories: {}, metadata: {} }, { advisories: [] }), {
    unexplained: [],
    explained: [],
    unreasoned: [],
    stale: [],
  });
});
