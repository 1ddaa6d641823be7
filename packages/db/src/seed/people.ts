// Generated people: Putian surnames, 涵江区 ID numbers with a correct GB 11643 check digit, mobile numbers.
import { idCheckDigit } from '@hanjiang/domain';
import type { Rng } from './prng.js';

/** Common surnames of Putian, weighted roughly by how often one meets them (林, 陈, 黄 lead by far). */
const SURNAMES = [
  '林',
  '陈',
  '黄',
  '吴',
  '郑',
  '王',
  '李',
  '蔡',
  '方',
  '许',
  '张',
  '刘',
  '朱',
  '翁',
  '余',
  '宋',
  '柯',
  '彭',
  '杨',
  '周',
  '徐',
  '游',
  '姚',
  '詹',
  '卓',
  '关',
  '温',
  '邱',
] as const;
const SURNAME_WEIGHTS = [
  18, 15, 10, 6, 6, 5, 5, 4, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1,
];

const GIVEN_MALE = '国建志文明金德福清水海荣春华辉强军伟亮勇峰斌雄振兴宗元鹏剑平庆耀新炳章';
const GIVEN_FEMALE = '秀美丽玉兰英桂芳珍娟凤霞琴梅燕红丹萍雪月婷惠莉淑锦琼素';

/** 涵江区's administrative division code: the first six digits of ID numbers issued there. */
export const HANJIANG_AREA_CODE = '350303';

export interface Person {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
}

function givenName(rng: Rng, male: boolean): string {
  const chars = male ? GIVEN_MALE : GIVEN_FEMALE;
  const one = (): string => chars.charAt(rng.int(0, chars.length - 1));
  return rng.chance(0.25) ? one() : one() + one();
}

export function chineseName(rng: Rng, male = rng.chance(0.6)): string {
  return rng.weighted(SURNAMES, SURNAME_WEIGHTS) + givenName(rng, male);
}

/**
 * 18 digits: area code, birth date, a three-digit sequence whose last digit is odd for men and even for
 * women (as the standard has it), and the check character computed by the domain.
 */
export function idNumber(rng: Rng, male: boolean, birthYears: readonly [number, number]): string {
  const year = rng.int(birthYears[0], birthYears[1]);
  const month = rng.int(1, 12);
  // Day 28 at most: every month has it, so the date is always real.
  const day = rng.int(1, 28);
  const sequence = rng.int(0, 499) * 2 + (male ? 1 : 0);
  const first17 =
    HANJIANG_AREA_CODE +
    String(year) +
    String(month).padStart(2, '0') +
    String(day).padStart(2, '0') +
    String(sequence).padStart(3, '0');
  return first17 + idCheckDigit(first17);
}

/** 1[3-9] and nine more digits. */
export function mobilePhone(rng: Rng): string {
  return `1${rng.int(3, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

/** A household owner: born 1940–1992, so an adult with a house. */
export function householdOwner(rng: Rng): Person {
  const male = rng.chance(0.72);
  return {
    name: chineseName(rng, male),
    idNumber: idNumber(rng, male, [1940, 1992]),
    phone: mobilePhone(rng),
  };
}
