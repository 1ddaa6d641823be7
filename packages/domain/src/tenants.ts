// The fixed tenant catalogue (DESIGN §2): ten townships, seven headquarters and the district.
// Codes are pinyin slugs and part of the public contract (DESIGN §4); names are what people read.

export type TenantKind = 'township' | 'headquarters' | 'district';
export type Terrain = 'mountain' | 'plain';
export type HeadquartersKind = 'park' | 'area' | 'renewal';

export interface Township {
  readonly code: string;
  readonly nameZh: string;
  readonly terrain: Terrain;
  /** The township it is paired with by default (a mountain township helps a plain one). */
  readonly pairCode: string;
}

export interface TownshipPairing {
  /** Stable id of the pairing, used as the scope key of pairing milestones and leaderboards. */
  readonly code: string;
  readonly mountainCode: string;
  readonly plainCode: string;
}

export interface Headquarters {
  readonly code: string;
  readonly nameZh: string;
  readonly kind: HeadquartersKind;
  readonly noteZh: string | null;
}

export interface Tenant {
  readonly code: string;
  readonly kind: TenantKind;
  readonly nameZh: string;
}

/** Demo default (the article pairs 5 mountain with 5 plain townships); seed data may choose otherwise. */
export const DEFAULT_PAIRINGS: readonly TownshipPairing[] = [
  { code: 'qiulu-jiangkou', mountainCode: 'qiulu', plainCode: 'jiangkou' },
  { code: 'baisha-baitang', mountainCode: 'baisha', plainCode: 'baitang' },
  { code: 'zhuangbian-wutang', mountainCode: 'zhuangbian', plainCode: 'wutang' },
  { code: 'xinxian-sanjiangkou', mountainCode: 'xinxian', plainCode: 'sanjiangkou' },
  { code: 'dayang-guohuan', mountainCode: 'dayang', plainCode: 'guohuan' },
];

export const TOWNSHIPS: readonly Township[] = [
  { code: 'qiulu', nameZh: '萩芦镇', terrain: 'mountain', pairCode: 'jiangkou' },
  { code: 'baisha', nameZh: '白沙镇', terrain: 'mountain', pairCode: 'baitang' },
  { code: 'zhuangbian', nameZh: '庄边镇', terrain: 'mountain', pairCode: 'wutang' },
  { code: 'xinxian', nameZh: '新县镇', terrain: 'mountain', pairCode: 'sanjiangkou' },
  { code: 'dayang', nameZh: '大洋乡', terrain: 'mountain', pairCode: 'guohuan' },
  { code: 'jiangkou', nameZh: '江口镇', terrain: 'plain', pairCode: 'qiulu' },
  { code: 'baitang', nameZh: '白塘镇', terrain: 'plain', pairCode: 'baisha' },
  { code: 'wutang', nameZh: '梧塘镇', terrain: 'plain', pairCode: 'zhuangbian' },
  { code: 'sanjiangkou', nameZh: '三江口镇', terrain: 'plain', pairCode: 'xinxian' },
  { code: 'guohuan', nameZh: '国欢镇', terrain: 'plain', pairCode: 'dayang' },
];

export const HEADQUARTERS: readonly Headquarters[] = [
  { code: 'food-park', nameZh: '食品产业园', kind: 'park', noteZh: '含啤酒小镇' },
  { code: 'north-equipment-park', nameZh: '城北装备制造园', kind: 'park', noteZh: null },
  { code: 'coastal-park', nameZh: '滨海产业园', kind: 'park', noteZh: null },
  { code: 'baitang-lake', nameZh: '白塘湖片区', kind: 'area', noteZh: null },
  { code: 'university-town', nameZh: '大学城片区', kind: 'area', noteZh: '电子信息产业园' },
  { code: 'hanjiang-station', nameZh: '涵江动车站片区', kind: 'area', noteZh: null },
  { code: 'old-community-renewal', nameZh: '老旧小区改造', kind: 'renewal', noteZh: null },
];

export const DISTRICT: Tenant = { code: 'district', kind: 'district', nameZh: '涵江区' };

export const TENANTS: readonly Tenant[] = [
  ...TOWNSHIPS.map((t): Tenant => ({ code: t.code, kind: 'township', nameZh: t.nameZh })),
  ...HEADQUARTERS.map((h): Tenant => ({ code: h.code, kind: 'headquarters', nameZh: h.nameZh })),
  DISTRICT,
];

export const ALL_TENANT_CODES: readonly string[] = TENANTS.map((t) => t.code);

const townshipsByCode = new Map(TOWNSHIPS.map((t) => [t.code, t]));
const headquartersByCodeMap = new Map(HEADQUARTERS.map((h) => [h.code, h]));
const tenantsByCode = new Map(TENANTS.map((t) => [t.code, t]));
const pairingsByTownship = new Map(
  DEFAULT_PAIRINGS.flatMap((p) => [
    [p.mountainCode, p],
    [p.plainCode, p],
  ]),
);

export function townshipByCode(code: string): Township | undefined {
  return townshipsByCode.get(code);
}

export function headquartersByCode(code: string): Headquarters | undefined {
  return headquartersByCodeMap.get(code);
}

export function tenantByCode(code: string): Tenant | undefined {
  return tenantsByCode.get(code);
}

export function isTenantCode(code: string): boolean {
  return tenantsByCode.has(code);
}

export function tenantKindOf(code: string): TenantKind | undefined {
  return tenantsByCode.get(code)?.kind;
}

/** The township paired with `townshipCode` by default, or undefined for an unknown code. */
export function pairOf(townshipCode: string): Township | undefined {
  const township = townshipsByCode.get(townshipCode);
  return township === undefined ? undefined : townshipsByCode.get(township.pairCode);
}

/** The default pairing a township belongs to, or undefined for an unknown code. */
export function pairingOf(townshipCode: string): TownshipPairing | undefined {
  return pairingsByTownship.get(townshipCode);
}

const pairingsByCode = new Map(DEFAULT_PAIRINGS.map((p) => [p.code, p]));

/** The default pairing with this code (e.g. `xinxian-sanjiangkou`), or undefined. */
export function pairingByCode(code: string): TownshipPairing | undefined {
  return pairingsByCode.get(code);
}

/**
 * What people call a pairing: its two townships in Chinese, the mountain township (the helper) first —
 * `xinxian-sanjiangkou` is 新县镇—三江口镇. Undefined for an unknown code; the slug is never a display name.
 */
export function pairingNameZh(code: string): string | undefined {
  const pairing = pairingsByCode.get(code);
  if (pairing === undefined) return undefined;
  const mountain = townshipsByCode.get(pairing.mountainCode);
  const plain = townshipsByCode.get(pairing.plainCode);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: DEFAULT_PAIRINGS names catalogue townships only (tested), so both are found; this keeps a data mistake from printing "undefined"
  return mountain && plain ? `${mountain.nameZh}—${plain.nameZh}` : undefined;
}
