import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
// Reads the README's runnable examples and compares what they print with the JSON the README shows.
//
// In README.md an HTML comment (invisible when rendered) marks the shell block that follows it:
//   <!-- readme-test: prelude -->   run first, prints nothing to compare (e.g. the login/ask helpers)
//   <!-- readme-test: example -->   run in order; the next fenced block must be ```json with what it prints
//   <!-- readme-test: not run: <why> -->   talks to the gateway but is not run (say why)
// A ```json block holds one or more JSON values, one per answer the example prints. Two conventions:
//   "…" as the last element of an array: more elements follow that the README leaves out;
//   fields in VARIABLE_FIELDS (the time of a signing, random row ids) may differ from the README, within the shape given here.

export interface ReadmeExample {
  readonly title: string;
  readonly script: string;
  readonly answers: readonly unknown[];
}

export interface ParsedReadme {
  readonly prelude: readonly string[];
  readonly examples: readonly ReadmeExample[];
  /** Shell blocks mentioning the gateway's URL that carry no marker: each is an untested example. */
  readonly unmarked: readonly string[];
}

/** The array element that stands for elements the README leaves out. */
export const ELISION = '…';

/** Fields whose values depend on when the example runs, with the shape they must have; equal across the answers of one example. */
export const VARIABLE_FIELDS: Readonly<Record<string, RegExp>> = {
  /** When the example signed: now. */
  signedAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  /** Row ids are random UUIDs, drawn afresh by every seed (codes are the stable names). */
  id: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

const MARKER = /^<!--\s*readme-test:\s*(prelude|example|not run\b[^>]*)\s*-->$/;
const FENCE = /^```(\w*)\s*$/;

interface Fence {
  readonly lang: string;
  readonly body: string;
  readonly marker: string | null;
  readonly title: string;
}

function fences(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const found: Fence[] = [];
  let marker: string | null = null;
  let title = '';
  let previous = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const paragraphStart = previous.trim() === '';
    previous = line;
    const mark = MARKER.exec(line.trim());
    if (mark) {
      marker = mark[1] ?? null;
      continue;
    }
    const open = FENCE.exec(line);
    if (!open) {
      // An example is named by the first line of the paragraph before it.
      if (paragraphStart && line.trim() !== '' && !line.startsWith('|'))
        title = line.trim().replace(/:$/, '');
      continue;
    }
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i] ?? ''); i += 1) body.push(lines[i] ?? '');
    previous = '';
    found.push({ lang: open[1] ?? '', body: body.join('\n'), marker, title });
    marker = null;
  }
  return found;
}

export function parseReadmeExamples(markdown: string): ParsedReadme {
  const all = fences(markdown);
  const prelude: string[] = [];
  const examples: ReadmeExample[] = [];
  const unmarked: string[] = [];
  all.forEach((fence, index) => {
    if (fence.lang !== 'sh') return;
    if (fence.marker === 'prelude') prelude.push(fence.body);
    else if (fence.marker === 'example') {
      const answer = all[index + 1];
      if (answer?.lang !== 'json')
        throw new Error(`README example “${fence.title}” has no \`\`\`json block after it`);
      examples.push({
        title: fence.title.slice(0, 80),
        script: fence.body,
        answers: splitJsonValues(answer.body),
      });
    } else if (fence.marker === null && fence.body.includes('localhost:4000')) unmarked.push(fence.body);
  });
  return { prelude, examples, unmarked };
}

/** The JSON values in `text`, one after another (curl prints answers without newlines between them). */
export function splitJsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
    } else if (depth === 0 && c !== undefined && c.trim() !== '') {
      throw new Error(`not JSON: ${JSON.stringify(text.slice(i, i + 200))}`);
    }
  }
  if (depth !== 0) throw new Error(`unterminated JSON: ${JSON.stringify(text.slice(start, start + 200))}`);
  return values;
}

/**
 * The README's answers and the printed ones, made comparable: printed arrays are cut where the README elides,
 * and variable fields of the right shape read `<field>` on both sides (a wrong shape is left to show in the diff).
 */
export function compareWithReadme(
  readme: readonly unknown[],
  printed: readonly unknown[],
): { expected: unknown; received: unknown; sameWithinExample: Map<string, unknown[]> } {
  const seen = new Map<string, unknown[]>();
  const walk = (expected: unknown, actual: unknown): [unknown, unknown] => {
    if (Array.isArray(expected) && Array.isArray(actual)) {
      const readmeList: unknown[] = expected;
      const printedList: unknown[] = actual;
      const elided = readmeList.at(-1) === ELISION;
      const shown = elided ? readmeList.slice(0, -1) : readmeList;
      const kept = elided ? printedList.slice(0, shown.length) : printedList;
      const pairs = kept.map((a, i) => walk(shown[i], a));
      const e = [
        ...shown.map((x, i) => (i < pairs.length ? pairs[i]?.[0] : x)),
        ...(elided ? [ELISION] : []),
      ];
      const r = [
        ...pairs.map((p) => p[1]),
        ...(elided && printedList.length > shown.length ? [ELISION] : []),
      ];
      return [e, r];
    }
    if (isObject(expected) && isObject(actual)) {
      const e: Record<string, unknown> = {};
      const r: Record<string, unknown> = {};
      for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
        const shape = VARIABLE_FIELDS[key];
        if (shape && key in expected && typeof actual[key] === 'string' && shape.test(actual[key])) {
          seen.set(key, [...(seen.get(key) ?? []), actual[key]]);
          e[key] = `<${key}>`;
          r[key] = `<${key}>`;
          continue;
        }
        const [x, y] = walk(expected[key], actual[key]);
        if (key in expected) e[key] = x;
        if (key in actual) r[key] = y;
      }
      return [e, r];
    }
    return [expected, actual];
  };
  const expected: unknown[] = [];
  const received: unknown[] = [];
  for (let i = 0; i < Math.max(readme.length, printed.length); i += 1) {
    const [e, r] = walk(readme[i], printed[i]);
    if (i < readme.length) expected.push(e);
    if (i < printed.length) received.push(r);
  }
  return { expected, received, sameWithinExample: seen };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What running a document's examples printed: each example's JSON values, by index, and bash's stderr. */
export interface ExampleRun {
  readonly printed: ReadonlyMap<number, unknown[]>;
  readonly stderr: string;
}

/**
 * Runs the prelude and the examples, in order, in one bash session against the gateway at `gatewayUrl` (the
 * documents say `localhost:4000`), and splits what they print at a marker printed after each example.
 */
export async function runExamples(
  parsed: Pick<ParsedReadme, 'prelude' | 'examples'>,
  gatewayUrl: string,
  options: { readonly label: string; readonly env?: NodeJS.ProcessEnv; readonly cwd?: string },
): Promise<ExampleRun> {
  const separator = (index: number) => `<<<${options.label} ${index + 1} end>>>`;
  const port = new URL(gatewayUrl).port;
  const script = [
    ...parsed.prelude,
    ...parsed.examples.flatMap((e, i) => [e.script, `printf '\\n${separator(i)}\\n'`]),
  ]
    .join('\n')
    .replaceAll('localhost:4000', `localhost:${port}`);
  const run = await promisify(execFile)('bash', ['-c', script], {
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
    ...(options.env ? { env: options.env } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  const printed = new Map<number, unknown[]>();
  let rest = run.stdout;
  parsed.examples.forEach((_e, i) => {
    const at = rest.indexOf(separator(i));
    if (at < 0) throw new Error(`${options.label} ${i + 1} printed no end marker: ${rest.slice(0, 500)}`);
    printed.set(i, splitJsonValues(rest.slice(0, at)));
    rest = rest.slice(at + separator(i).length);
  });
  return { printed, stderr: run.stderr };
}
