import {
  M2_PER_MU,
  fenToYuanString,
  idCheckDigit,
  isValidChineseIdNumber,
  isValidMobilePhone,
  m2ToMu,
  yuanToFen,
} from './units.js';

describe('yuanToFen', () => {
  it.each<[string | number, number]>([
    ['12.34', 1234],
    ['0.29', 29],
    ['0.1', 10],
    ['12', 1200],
    ['12.3', 1230],
    ['0', 0],
    ['0.00', 0],
    ['007.05', 705],
    [' 12.34 ', 1234],
    ['90071992547409.91', 9007199254740991],
    [12.34, 1234],
    [0.29, 29],
    [100, 10000],
  ])('%j yuan is %i fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  // The message quotes what was read (trimmed text, or the number's shortest text), so a form can show it.
  it.each<[string | number, string]>([
    ['12.345', '"12.345"'],
    ['-1', '"-1"'],
    ['-0.01', '"-0.01"'],
    ['abc', '"abc"'],
    ['', '""'],
    [' 1 2 ', '"1 2"'],
    ['.5', '".5"'],
    ['5.', '"5."'],
    ['1,000', '"1,000"'],
    ['1e3', '"1e3"'],
    ['NaN', '"NaN"'],
    ['Infinity', '"Infinity"'],
    ['12.3.4', '"12.3.4"'],
    ['x12.34', '"x12.34"'],
    ['12.34x', '"12.34x"'],
    [NaN, '"NaN"'],
    [-5, '"-5"'],
    [0.1 + 0.2, '"0.30000000000000004"'],
    [1.005 * 100, '"100.49999999999999"'], // a float that is not a whole number of fen
    [1e21, '"1e+21"'],
    [Infinity, '"Infinity"'],
  ])('rejects %j', (yuan, quoted) => {
    expect(() => yuanToFen(yuan)).toThrow(
      new RangeError(`Not an amount in yuan with at most two decimals: ${quoted}`),
    );
  });

  it.each<[string | number, string]>([
    ['90071992547409.92', '90071992547409.92'],
    ['100000000000000', '100000000000000'],
    [' 90071992547410 ', '90071992547410'],
  ])('rejects %j, which no number holds exactly', (yuan, text) => {
    expect(() => yuanToFen(yuan)).toThrow(new RangeError(`Amount too large to hold exactly: ${text} yuan`));
  });
});

describe('fenToYuanString', () => {
  it.each<[number | bigint, string]>([
    [1234, '12.34'],
    [5, '0.05'],
    [0, '0.00'],
    [100, '1.00'],
    [-5, '-0.05'],
    [-1234, '-12.34'],
    [9007199254740991, '90071992547409.91'],
    [123456789012345678901n, '1234567890123456789.01'],
  ])('%s fen is %s yuan', (fen, yuan) => {
    expect(fenToYuanString(fen)).toBe(yuan);
  });

  it.each([
    [1.5, '1.5'],
    [NaN, 'NaN'],
    [2 ** 53, '9007199254740992'],
  ])('rejects %s, which is not a safe integer', (fen, text) => {
    expect(() => fenToYuanString(fen)).toThrow(new RangeError(`Fen must be a safe integer, got ${text}`));
  });

  it.each(['0.01', '12.34', '1999.90', '1000000.00'])('round-trips %s', (yuan) => {
    expect(fenToYuanString(yuanToFen(yuan))).toBe(yuan);
  });
});

describe('m2ToMu', () => {
  it.each([
    [666.67, 1],
    [0, 0],
    [1000, 1.5],
    [1_458_000, 2186.99],
    [333.335, 0.5],
  ])('%f m² is %f 亩', (m2, mu) => {
    expect(m2ToMu(m2)).toBe(mu);
  });

  it('uses 666.67 m² per 亩', () => {
    expect(M2_PER_MU).toBe(666.67);
  });
});

describe('idCheckDigit', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['35032219900101123', '4'],
    ['44052418800101001', '4'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckDigit(first17)).toBe(check);
  });

  it.each([
    '1101051949123100',
    '110105194912310021',
    '1101051949123100X',
    '',
    'x11010519491231002',
    '11010519491231002x',
  ])('rejects %j', (input) => {
    expect(() => idCheckDigit(input)).toThrow(new RangeError('The check digit needs exactly 17 digits'));
  });
});

describe('isValidChineseIdNumber', () => {
  const now = new Date('2020-10-23T00:00:00Z');

  it.each<[string, boolean]>([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['350322199001011234', true],
    ['440524188001010014', false], // born 1880: before 1900
    ['350322199001011235', false], // wrong check digit
    ['11010519491231002Y', false],
    ['110105194912310021', false],
    ['35032219900101123', false], // 17 characters
    ['3503221990010112345', false], // 19 characters
    ['050322199001011234', false], // leading zero
    ['35032219900101123 ', false],
    ['', false],
  ])('%j is %s', (id, valid) => {
    expect(isValidChineseIdNumber(id, now)).toBe(valid);
  });

  // Each case gets a correct check digit, so only the date of birth decides.
  it.each<[string, boolean]>([
    ['19900229', false], // 1990 is not a leap year
    ['20000229', true],
    ['19001301', false],
    ['19900100', false],
    ['19900431', false],
    ['18991231', false],
    ['19000101', true],
    ['20201023', true], // born today
    ['20201024', false], // born tomorrow
  ])('birth date %s is %s', (birth, valid) => {
    const first17 = `350322${birth}123`;
    expect(isValidChineseIdNumber(first17 + idCheckDigit(first17), now)).toBe(valid);
  });

  it('defaults to the current time for the birth-date bound', () => {
    expect(isValidChineseIdNumber('350322199001011234')).toBe(true);
  });
});

describe('isValidMobilePhone', () => {
  it.each<[string, boolean]>([
    ['13812345678', true],
    ['19912345678', true],
    ['15000000000', true],
    ['12812345678', false],
    ['23812345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['+8613812345678', false],
    ['138-1234-5678', false],
    ['', false],
  ])('%j is %s', (phone, valid) => {
    expect(isValidMobilePhone(phone)).toBe(valid);
  });
});
