// docs/integrators.md is run as written, like the README (readme-examples.test.ts): its shell blocks in one bash
// session with curl, each answer compared with the JSON the guide shows; and each TypeScript block marked
// `<!-- integrator-docs: typescript -->` run with tsx from apps/gateway (where graphql-ws and ws resolve), which
// must exit 0 and print what the ```text block after it shows. The guide's API key is made the way the CLI will
// (a hashed row in api_key) and handed to the examples as KEY, as an integrator would export it.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { insertApiKey } from './helpers/api-key.js';
import {
  compareWithReadme,
  parseReadmeExamples,
  runExamples,
  type ReadmeExample,
} from './helpers/readme-examples.js';
import { closeSeededGateway, openSeededGateway, type SeededGateway } from './helpers/seeded-gateway.js';

jest.setTimeout(180_000);

const GUIDE = path.resolve(__dirname, '../../../docs/integrators.md');
const markdown = readFileSync(GUIDE, 'utf8');
const { prelude, examples, unmarked } = parseReadmeExamples(markdown);
const typescript = typescriptExamples(markdown);
const SCRATCH = path.resolve(__dirname, '.integrator-docs');

describe('docs/integrators.md examples', () => {
  let opened: SeededGateway;
  let env: NodeJS.ProcessEnv;
  const printed = new Map<number, unknown[]>();
  let stderr = '';

  beforeAll(async () => {
    opened = await openSeededGateway();
    const key = await insertApiKey(
      opened.owner,
      { kind: 'headquarters', code: 'baitang-lake' },
      'viewer',
      'docs',
    );
    env = { ...process.env, KEY: key, GATEWAY_URL: opened.gateway.url };
    const run = await runExamples({ prelude, examples }, opened.gateway.url, {
      label: 'guide example',
      env,
      cwd: await scratch(),
    });
    run.printed.forEach((values, i) => printed.set(i, values));
    stderr = run.stderr;
  });

  afterAll(async () => {
    rmSync(SCRATCH, { recursive: true, force: true });
    await closeSeededGateway(opened);
  });

  it('marks every shell block that talks to the gateway, and has curl and TypeScript examples', () => {
    expect(unmarked).toEqual([]);
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(typescript.length).toBeGreaterThanOrEqual(2);
  });

  it('runs without errors from bash or curl', () => {
    expect(stderr).toBe('');
  });

  it.each(examples.map((e, i): [string, number, ReadmeExample] => [e.title, i, e]))(
    'curl example “%s” prints what the guide shows',
    (_title, index, example) => {
      const actual = printed.get(index) ?? [];
      const { expected, received } = compareWithReadme(example.answers, actual);
      if (JSON.stringify(expected) !== JSON.stringify(received))
        console.log(
          `guide example “${example.title}” printed:\n${actual.map((a) => JSON.stringify(a)).join('\n')}`,
        );
      expect(received).toEqual(expected);
    },
  );

  it.each(typescript.map((t, i): [string, number, string, string] => [t.title, i, t.code, t.output]))(
    'TypeScript example “%s” runs and prints what the guide shows',
    async (_title, index, code, output) => {
      const file = path.join(await scratch(), `example-${index + 1}.ts`);
      writeFileSync(file, code);
      const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', file], {
        timeout: 60_000,
        env,
        cwd: path.dirname(file),
      });
      expect(run.stdout.trim()).toBe(output.trim());
    },
  );
});

/** Inside apps/gateway, so the examples' imports (graphql-ws, ws) resolve as in an integrator's project. */
async function scratch(): Promise<string> {
  mkdirSync(SCRATCH, { recursive: true });
  return Promise.resolve(SCRATCH);
}

/** ```ts blocks after `<!-- integrator-docs: typescript -->`, each followed by a ```text block of its output. */
function typescriptExamples(text: string): { title: string; code: string; output: string }[] {
  const found: { title: string; code: string; output: string }[] = [];
  const pattern =
    /<!-- integrator-docs: typescript -->\s*\n```ts\n([\s\S]*?)\n```\s*\n```text\n([\s\S]*?)\n```/g;
  for (const match of text.matchAll(pattern)) {
    const code = match[1] ?? '';
    found.push({ title: (code.split('\n')[0] ?? '').replace(/^\/\/\s*/, ''), code, output: match[2] ?? '' });
  }
  return found;
}
