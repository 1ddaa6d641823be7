// Resettlement sites (安置房): a few per headquarters, planned for about 60 % of its households choosing a
// property swap by the end of the campaign; signings so far draw on them and never exceed the plan.
import { randomUUID } from 'node:crypto';
import { lookupId } from './build-teams.js';
import type { CatalogueIds, SeedSite } from './model.js';
import type { Rng } from './prng.js';

interface SitePlan {
  readonly code: string;
  readonly nameZh: string;
  readonly townshipCode: string;
  readonly headquartersCode: string;
  /** Share of the headquarters' households this site is planned for. */
  readonly share: number;
}

const SITE_PLANS: readonly SitePlan[] = [
  // 白塘湖片区's resettlement area laid out by 保利 (the article), in phases.
  {
    code: 'bth-1',
    nameZh: '白塘湖安置区一期',
    townshipCode: 'baitang',
    headquartersCode: 'baitang-lake',
    share: 0.25,
  },
  {
    code: 'bth-2',
    nameZh: '白塘湖安置区二期',
    townshipCode: 'baitang',
    headquartersCode: 'baitang-lake',
    share: 0.2,
  },
  {
    code: 'bth-3',
    nameZh: '陈桥安置小区',
    townshipCode: 'baitang',
    headquartersCode: 'baitang-lake',
    share: 0.15,
  },
  {
    code: 'dxc-1',
    nameZh: '大学城梧塘安置区',
    townshipCode: 'wutang',
    headquartersCode: 'university-town',
    share: 0.35,
  },
  {
    code: 'dxc-2',
    nameZh: '鳌山安置小区',
    townshipCode: 'sanjiangkou',
    headquartersCode: 'university-town',
    share: 0.25,
  },
  {
    code: 'dcz-1',
    nameZh: '动车站江口安置区',
    townshipCode: 'jiangkou',
    headquartersCode: 'hanjiang-station',
    share: 0.3,
  },
  {
    code: 'dcz-2',
    nameZh: '国欢沁后安置小区',
    townshipCode: 'guohuan',
    headquartersCode: 'hanjiang-station',
    share: 0.3,
  },
  {
    code: 'spy-1',
    nameZh: '啤酒小镇安置区',
    townshipCode: 'jiangkou',
    headquartersCode: 'food-park',
    share: 0.4,
  },
  {
    code: 'spy-2',
    nameZh: '萩芦梅洋安置点',
    townshipCode: 'qiulu',
    headquartersCode: 'food-park',
    share: 0.2,
  },
  {
    code: 'cby-1',
    nameZh: '城北塘北安置区',
    townshipCode: 'guohuan',
    headquartersCode: 'north-equipment-park',
    share: 0.4,
  },
  {
    code: 'cby-2',
    nameZh: '霞楼安置小区',
    townshipCode: 'wutang',
    headquartersCode: 'north-equipment-park',
    share: 0.2,
  },
  {
    code: 'bhy-1',
    nameZh: '滨海东甲安置区',
    townshipCode: 'sanjiangkou',
    headquartersCode: 'coastal-park',
    share: 0.35,
  },
  {
    code: 'bhy-2',
    nameZh: '东大安置小区',
    townshipCode: 'jiangkou',
    headquartersCode: 'coastal-park',
    share: 0.25,
  },
  {
    code: 'ljx-1',
    nameZh: '哆中路安置房',
    townshipCode: 'sanjiangkou',
    headquartersCode: 'old-community-renewal',
    share: 0.5,
  },
  {
    code: 'ljx-2',
    nameZh: '涵江新城安置房',
    townshipCode: 'sanjiangkou',
    headquartersCode: 'old-community-renewal',
    share: 0.25,
  },
];

export function buildSites(ids: CatalogueIds, householdsByHq: ReadonlyMap<string, number>): SeedSite[] {
  return SITE_PLANS.map((plan) => ({
    id: randomUUID(),
    code: plan.code,
    nameZh: plan.nameZh,
    townshipId: lookupId(ids.township, plan.townshipCode, 'township'),
    headquartersCode: plan.headquartersCode,
    headquartersId: lookupId(ids.headquarters, plan.headquartersCode, 'headquarters'),
    plannedUnits: Math.ceil((householdsByHq.get(plan.headquartersCode) ?? 0) * plan.share),
    allocatedUnits: 0,
  }));
}

/** Draws one unit from a site of the headquarters with room left, weighted by room; null when all are full. */
export function allocateUnit(
  sites: readonly SeedSite[],
  headquartersCode: string,
  rng: Rng,
): SeedSite | null {
  const open = sites.filter(
    (s) => s.headquartersCode === headquartersCode && s.allocatedUnits < s.plannedUnits,
  );
  if (open.length === 0) return null;
  const site = rng.weighted(
    open,
    open.map((s) => s.plannedUnits - s.allocatedUnits),
  );
  site.allocatedUnits += 1;
  return site;
}
