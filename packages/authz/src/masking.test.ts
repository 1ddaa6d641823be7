import { type HouseholdPii, canSeePii, maskIdNumber, maskPhone, presentPii } from './masking.js';
import { MALFORMED_PRINCIPALS, PRINCIPAL_NAMES, householdNamed, principalNamed } from './test-fixtures.js';

describe('maskIdNumber', () => {
  it.each([
    ['350322199001011234', '350322********1234'],
    ['11010519491231002X', '110105********002X'],
    ['350322900101123', '350**********23'], // an old 15-digit number
    ['12345678', '12****78'],
    ['1234', '1**4'],
    ['123', '***'],
    ['', ''],
  ])('%j → %j', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '+86*********78'],
    ['0594-2345678', '059*******78'],
    ['12345', '1***5'],
    ['', ''],
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

// Distinct characters make every revealed position identifiable.
const DISTINCT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';
const lengths = Array.from({ length: 25 }, (_, n) => n);

describe.each([
  ['maskIdNumber', maskIdNumber, 18, [6, 4]],
  ['maskPhone', maskPhone, 11, [3, 4]],
] as const)('%s never reveals more than the stated characters', (_name, mask, usualLength, usualKept) => {
  it.each(lengths)('at length %i', (n) => {
    const value = DISTINCT.slice(0, n);
    const masked = mask(value);
    const [maxHead, maxTail] = n === usualLength ? usualKept : [3, 2];
    const head = masked.match(/^[^*]*/)?.[0] ?? '';
    const tail = masked.match(/[^*]*$/)?.[0] ?? '';
    expect(masked).toHaveLength(n);
    expect(value.startsWith(head)).toBe(true);
    expect(value.endsWith(tail)).toBe(true);
    expect(head.length).toBeLessThanOrEqual(maxHead);
    expect(tail.length).toBeLessThanOrEqual(maxTail);
    // Everything between the kept ends is stars; a value of unexpected length keeps at least half hidden.
    const revealed = head.length === n ? n : head.length + tail.length;
    expect(masked.slice(head.length, n - tail.length)).toMatch(/^\**$/);
    if (n !== usualLength) expect(revealed * 2).toBeLessThanOrEqual(n);
    else expect(revealed).toBe(usualKept[0] + usualKept[1]);
  });
});

const PII: HouseholdPii = { idNumber: '350322199001011234', phone: '13812345678' };
// Who sees personal information in full, per household; all others see it masked.
const FULL_VIEW: Record<string, string[]> = {
  helped: [
    'baisha.cadre',
    'key:baisha.cadre',
    'baitang.commander',
    'key:baitang.commander',
    'district.admin',
    'key:district.admin',
  ],
  own: [
    'baitang.cadre',
    'baitang.commander',
    'key:baitang.commander',
    'district.admin',
    'key:district.admin',
  ],
  // A cadre without a team is not "its own team" for a household without one.
  unassignedInBaitang: ['baitang.commander', 'key:baitang.commander', 'district.admin', 'key:district.admin'],
  unassigned: ['district.admin', 'key:district.admin'],
};
const piiCases = Object.entries(FULL_VIEW).flatMap(([household, full]) =>
  PRINCIPAL_NAMES.map((name) => [household, name, full.includes(name)] as const),
);

describe('canSeePii and presentPii', () => {
  it.each(piiCases)('household %s, principal %s sees it in full: %s', (household, name, full) => {
    const p = principalNamed(name);
    const h = householdNamed(household);
    expect(canSeePii(p, h)).toBe(full);
    expect(presentPii(p, h, PII)).toEqual(
      full
        ? { ...PII, masked: false }
        : { idNumber: '350322********1234', phone: '138****5678', masked: true },
    );
  });

  it.each([['null', null], ...MALFORMED_PRINCIPALS])('masks for %s', (_label, p) => {
    expect(canSeePii(p, householdNamed('own'))).toBe(false);
    expect(presentPii(p, householdNamed('own'), PII).masked).toBe(true);
  });

  it('keeps missing values missing', () => {
    const absent = { idNumber: null, phone: null };
    expect(presentPii(null, householdNamed('own'), absent)).toEqual({ ...absent, masked: true });
    expect(presentPii(principalNamed('district.admin'), householdNamed('own'), absent)).toEqual({
      ...absent,
      masked: false,
    });
  });
});
