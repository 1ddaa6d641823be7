import { inlineParams, literal } from './sql-literal.js';

describe('inlineParams: parameters as SQL literals for a simple-protocol round trip', () => {
  it.each([
    [null, 'NULL'],
    [undefined, 'NULL'],
    [true, 'TRUE'],
    [12.5, '12.5'],
    ["O'Brien", "'O''Brien'"],
    ['back\\slash', " E'back\\\\slash'"],
    [['a', null, "b'c"], "ARRAY['a', NULL, 'b''c']"],
    [[], 'ARRAY[]'],
  ])('%p → %s', (value, expected) => {
    expect(literal(value as never)).toBe(expected);
  });

  it('replaces $10 as itself, not as $1 followed by 0', () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParams('SELECT $1, $10::int, $2', params)).toBe('SELECT 1, 10::int, 2');
  });

  it('refuses what it cannot write safely', () => {
    expect(() => inlineParams('SELECT $2', [1])).toThrow('no value for $2');
    expect(() => literal(Number.NaN)).toThrow();
    expect(() => literal({ a: 1 } as never)).toThrow();
  });
});
