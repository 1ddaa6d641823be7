// Units people read and type: money in yuan (stored as integer fen, never floating point), land in 亩,
// Chinese resident ID numbers and mobile phone numbers.

const FEN_PER_YUAN = 100n;
const YUAN_PATTERN = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Exact yuan → fen by parsing the decimal text, so "0.29" is 29 and never 28.999….
 * Rejects more than two decimals (a fen cannot be split), negatives, exponents and non-numbers.
 */
export function yuanToFen(yuan: string | number): number {
  // String(number) gives the shortest text that round-trips, e.g. 12.34 → "12.34", 0.1 + 0.2 → "0.30000000000000004".
  const text = typeof yuan === 'number' ? String(yuan) : yuan.trim();
  const match = YUAN_PATTERN.exec(text);
  if (match === null) {
    throw new RangeError(`Not an amount in yuan with at most two decimals: ${JSON.stringify(text)}`);
  }
  // Stryker disable next-line StringLiteral: the pattern's first group always matches, so the fallback is never read
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const fen = BigInt(whole) * FEN_PER_YUAN + BigInt(fraction);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Amount too large to hold exactly: ${text} yuan`);
  }
  return Number(fen);
}

/** Integer fen → yuan text with exactly two decimals ("12.34", "-0.05"). */
export function fenToYuanString(fen: number | bigint): string {
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) {
    throw new RangeError(`Fen must be a safe integer, got ${fen}`);
  }
  const value = BigInt(fen);
  const sign = value < 0n ? '-' : '';
  // Stryker disable next-line EqualityOperator: -0n is 0n, so negating zero changes nothing
  const magnitude = value < 0n ? -value : value;
  const fraction = (magnitude % FEN_PER_YUAN).toString().padStart(2, '0');
  return `${sign}${(magnitude / FEN_PER_YUAN).toString()}.${fraction}`;
}

/** 1 亩 as the campaign counts it. */
export const M2_PER_MU = 666.67;

/** Square metres → 亩, rounded to two decimals for display. */
export function m2ToMu(m2: number): number {
  return Math.round((m2 / M2_PER_MU) * 100) / 100;
}

// GB 11643-1999: weights of the first 17 digits and the check character for each remainder mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';
const ID_PATTERN = /^[1-9]\d{16}[\dXx]$/;
const EARLIEST_BIRTH_YEAR = 1900;

/** The GB 11643-1999 check character for the first 17 digits of an ID number. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('The check digit needs exactly 17 digits');
  }
  let sum = 0;
  ID_WEIGHTS.forEach((weight, i) => {
    sum += weight * Number(first17[i]);
  });
  return ID_CHECK_CHARS.charAt(sum % 11);
}

/** True when YYYYMMDD is a real calendar date between 1900-01-01 and `latest`. */
function isPlausibleBirthDate(yyyymmdd: string, latest: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const birth = new Date(Date.UTC(year, month - 1, day));
  // A real date reads back as itself: Date.UTC rolls 1990-02-29 over to 03-01.
  const isRealDate = birth.toISOString().slice(0, 10).replaceAll('-', '') === yyyymmdd;
  return isRealDate && year >= EARLIEST_BIRTH_YEAR && birth.getTime() <= latest.getTime();
}

/**
 * An 18-character resident ID number (GB 11643-1999): a non-zero first digit, a real date of birth
 * not after `now`, and the right check character. A lower-case 'x' is accepted, since people type it.
 */
export function isValidChineseIdNumber(id: string, now: Date = new Date()): boolean {
  if (!ID_PATTERN.test(id)) return false;
  if (!isPlausibleBirthDate(id.slice(6, 14), now)) return false;
  return idCheckDigit(id.slice(0, 17)) === id.charAt(17).toUpperCase();
}

/** A mainland China mobile number: 11 digits starting 13–19. */
export function isValidMobilePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
