// The README's examples are run as written — its shell blocks, in order, in one bash session with curl — against
// a real gateway that migrates and seeds an empty database on start, as `pnpm start` does; what each example
// prints must be the JSON the README shows under it. Only the port differs (`localhost:4000` → the test's).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Gateway } from '../src/server.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { startTestGateway } from './helpers/in-process.js';
import {
  compareWithReadme,
  parseReadmeExamples,
  runExamples,
  splitJsonValues,
  type ReadmeExample,
} from './helpers/readme-examples.js';

jest.setTimeout(180_000);

const README = path.resolve(__dirname, '../../../README.md');
const { prelude, examples, unmarked } = parseReadmeExamples(readFileSync(README, 'utf8'));

describe('README examples', () => {
  let db: TestDatabase;
  let gateway: Gateway;
  const printed = new Map<number, unknown[]>();
  let stderr = '';

  beforeAll(async () => {
    db = await createTestDatabase('hj_readme');
    // An empty database: the gateway migrates and seeds it on start, like `pnpm start` on a fresh clone.
    gateway = await startTestGateway(db.url, { SEED_ON_EMPTY: '1', SEED_SCALE: '1' });
    const run = await runExamples({ prelude, examples }, gateway.url, { label: 'README example' });
    run.printed.forEach((values, i) => printed.set(i, values));
    stderr = run.stderr;
  });

  afterAll(async () => {
    await gateway?.stop();
    await db?.drop();
  });

  it('marks every shell block that talks to the gateway as a prelude or an example with its answer', () => {
    expect(unmarked).toEqual([]);
    expect(prelude.length).toBeGreaterThan(0);
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it('runs without errors from bash or curl', () => {
    expect(stderr).toBe('');
  });

  it.each(examples.map((e, i): [string, number, ReadmeExample] => [e.title, i, e]))(
    'example “%s” prints what the README shows',
    (_title, index, example) => {
      const actual = printed.get(index) ?? [];
      const { expected, received, sameWithinExample } = compareWithReadme(example.answers, actual);
      if (JSON.stringify(expected) !== JSON.stringify(received)) {
        // What to paste into the README, should the seed have changed on purpose.
        console.log(
          `README example “${example.title}” printed:\n${actual.map((a) => JSON.stringify(a)).join('\n')}`,
        );
      }
      expect(received).toEqual(expected);
      for (const [field, values] of sameWithinExample)
        expect({ field, values: new Set(values).size }).toEqual({
          field,
          values: values.length > 0 ? 1 : 0,
        });
    },
  );
});

describe('README comparison rules', () => {
  const signed = (at: string, area: number) => ({ data: { x: { signedAt: at, area, rows: [1, 2, 3] } } });

  it('lets a declared variable field differ, within its shape, and nothing else', () => {
    const readme = [{ data: { x: { signedAt: '2026-11-29T09:22:33.453Z', area: 1.5, rows: [1, 2, 3] } } }];
    const same = compareWithReadme(readme, [signed('2030-01-01T00:00:00.000Z', 1.5)]);
    expect(same.received).toEqual(same.expected);
    const changed = compareWithReadme(readme, [signed('2030-01-01T00:00:00.000Z', 1.6)]);
    expect(changed.received).not.toEqual(changed.expected);
    const notATime = compareWithReadme(readme, [signed('yesterday', 1.5)]);
    expect(notATime.received).not.toEqual(notATime.expected);
  });

  it('reads "…" as the last element of a list as rows left out, and only there', () => {
    const readme = [{ rows: [1, 2, '…'] }];
    const longer = compareWithReadme(readme, [{ rows: [1, 2, 3, 4] }]);
    expect(longer.received).toEqual(longer.expected);
    const other = compareWithReadme(readme, [{ rows: [1, 5, 3] }]);
    expect(other.received).not.toEqual(other.expected);
    const shorter = compareWithReadme(readme, [{ rows: [1] }]);
    expect(shorter.received).not.toEqual(shorter.expected);
    const exact = compareWithReadme([{ rows: [1, 2] }], [{ rows: [1, 2, 3] }]);
    expect(exact.received).not.toEqual(exact.expected);
  });

  it('splits answers printed back to back, as curl prints them', () => {
    expect(splitJsonValues('{"a":"}{"}{"b":[1,{"c":"\\""}]}\n')).toEqual([
      { a: '}{' },
      { b: [1, { c: '"' }] },
    ]);
    expect(() => splitJsonValues('{"a":1} oops')).toThrow('not JSON');
  });

  it('refuses a shell example that talks to the gateway without a marker', () => {
    const readme = ['Text.', '', '```sh', 'curl -s localhost:4000/graphql -d "{}"', '```'].join('\n');
    expect(parseReadmeExamples(readme).unmarked).toHaveLength(1);
  });
});
