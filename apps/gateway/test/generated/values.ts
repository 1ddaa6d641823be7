// Edge values for generated arguments. NUL is left out on purpose: the policy stage refuses it before anything
// else runs (tested in bad-input.test.ts), so it would hide every other input from the resolvers.
import fc from 'fast-check';
import { type GraphQLInputType, astFromValue, print } from 'graphql';

const STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  'null',
  'undefined',
  '征迁户',
  '白塘湖片区',
  '😀👨‍👩‍👧',
  'e\u0301\u0301\u0301',
  '\u202eRTL',
  '\uFEFF',
  "' OR 1=1 --",
  '%',
  '_',
  '\\',
  '"}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  'eyJpZCI6IngifQ==',
  '!!!',
  '1e309',
  'x'.repeat(5000),
];

const INTS = [0, 1, -1, -2147483648, 2147483647, 2147483648, -2147483649, 1e15, Number.MAX_SAFE_INTEGER];
const FLOATS = [0, -0, 1e-300, 1e308, -1e308, 0.1, 123456789.12345679];

/** Random text of any script, NUL removed. */
const text = (maxLength: number) =>
  fc.string({ unit: 'grapheme', maxLength }).map((s) => s.replaceAll('\0', ''));

export type EdgeKind = 'string' | 'int' | 'float' | 'any';

/** An edge value of a kind; `any` mixes kinds and shapes (objects, lists) that no field expects. */
export function edgeValue(g: fc.GeneratorValue, kind: EdgeKind = 'any'): unknown {
  switch (kind) {
    case 'string':
      return g(fc.boolean) ? g(fc.constantFrom, ...STRINGS) : g(text, 40);
    case 'int':
      return g(fc.constantFrom, ...INTS);
    case 'float':
      return g(fc.constantFrom, ...FLOATS);
    case 'any':
      if (g(fc.boolean)) return g(text, 20);
      return g(fc.constantFrom<unknown[]>, ...STRINGS, ...INTS, true, null, [], {}, [null], { a: 1 });
  }
}

/** Fuzzing parameters: a fixed seed in CI, printed so any failure can be replayed; both overridable. */
export function fuzzSettings(defaultRuns: number): { seed: number; runs: number } {
  const seed = Number(process.env.HJ_FUZZ_SEED ?? 20201023);
  const runs = Number(process.env.HJ_FUZZ_RUNS ?? defaultRuns);
  if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
    throw new Error('HJ_FUZZ_SEED and HJ_FUZZ_RUNS must be integers (runs ≥ 1)');
  }
  return { seed, runs };
}

/** The value as a GraphQL literal of the type, or null where it has none (a wrong type: sent as a variable). */
export function asLiteral(value: unknown, type: GraphQLInputType): string | null {
  try {
    const ast = astFromValue(value, type);
    return ast ? print(ast) : null;
  } catch {
    return null;
  }
}
