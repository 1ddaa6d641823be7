// Personal information (ID-card number, phone) is shown in full only to those who work the household:
// its own team, its township's commanders and district administrators. Everyone else sees it masked.
import {
  type Principal,
  isCadreOfTeam,
  isCommanderOf,
  isDistrictAdmin,
  isWellFormedPrincipal,
} from './principal.js';
import { type HouseholdScope } from './scope.js';

const MASK = '*';

/** Keeps `head` leading and `tail` trailing characters of `value` and stars out the rest. */
function maskMiddle(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  const hidden = chars.length - head - tail;
  return chars.slice(0, head).join('') + MASK.repeat(hidden) + chars.slice(chars.length - tail).join('');
}

/**
 * For values of an unexpected shape: at most 3 leading and 2 trailing characters, and never more than a
 * quarter of the value at each end, so at least half of it stays hidden whatever its length.
 */
function maskUnknownShape(value: string): string {
  const quarter = Math.floor(Array.from(value).length / 4);
  return maskMiddle(value, Math.min(3, quarter), Math.min(2, quarter));
}

/** '350322199001011234' → '350322********1234': region code and last four, never the date of birth. */
export function maskIdNumber(idNumber: string): string {
  return Array.from(idNumber).length === 18 ? maskMiddle(idNumber, 6, 4) : maskUnknownShape(idNumber);
}

/** '13812345678' → '138****5678'. */
export function maskPhone(phone: string): string {
  return Array.from(phone).length === 11 ? maskMiddle(phone, 3, 4) : maskUnknownShape(phone);
}

export type PiiScope = Pick<HouseholdScope, 'townshipCode' | 'teamId'>;

export function canSeePii(p: Principal | null, h: PiiScope): boolean {
  if (p === null || !isWellFormedPrincipal(p)) return false;
  return isCadreOfTeam(p, h.teamId) || isCommanderOf(p, 'township', h.townshipCode) || isDistrictAdmin(p);
}

export interface HouseholdPii {
  readonly idNumber: string | null;
  readonly phone: string | null;
}

export interface PresentedPii extends HouseholdPii {
  /** Whether the values were masked, so a portal can say why it shows stars. */
  readonly masked: boolean;
}

/** The household's personal information as `p` may see it. */
export function presentPii(p: Principal | null, h: PiiScope, pii: HouseholdPii): PresentedPii {
  if (canSeePii(p, h)) return { ...pii, masked: false };
  return {
    idNumber: pii.idNumber === null ? null : maskIdNumber(pii.idNumber),
    phone: pii.phone === null ? null : maskPhone(pii.phone),
    masked: true,
  };
}
