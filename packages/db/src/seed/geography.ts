// Which villages each headquarters spans, and how big they are at scale 1. 白塘湖片区 follows the article
// (9 villages, ≈3,875 households, 1.85 M m² of buildings, 1.458 M m² of land); the other six headquarters
// add ≈1.35 M m² so that the district's total (≈3.2 M m²) can reach the 3 M m² campaign target.

export interface VillagePlan {
  /** Unique, readable, and the village's progress scope code: `<township>-<pinyin>`. */
  readonly code: string;
  readonly nameZh: string;
  /** Village part of the household codes (`BTH-JW-0001`). */
  readonly abbr: string;
  readonly townshipCode: string;
  readonly headquartersCode: string;
  /** At scale 1; `scale` multiplies households and, with them, the areas. */
  readonly households: number;
  readonly buildingAreaM2: number;
  readonly landAreaM2: number;
}

export interface HeadquartersPlan {
  readonly code: string;
  /** Headquarters part of the household codes. */
  readonly abbr: string;
  /**
   * Spread of the log-normal building areas: 大学城 has many enterprises with large factories (the article's
   * "企业数量多、工厂面积广"), old-community renewal is flats of similar size.
   */
  readonly areaSigma: number;
  /** Assessment price range in yuan per m² of building. */
  readonly priceYuanPerM2: readonly [number, number];
}

export const HEADQUARTERS_PLANS: readonly HeadquartersPlan[] = [
  { code: 'baitang-lake', abbr: 'BTH', areaSigma: 0.6, priceYuanPerM2: [2600, 3600] },
  { code: 'university-town', abbr: 'DXC', areaSigma: 0.95, priceYuanPerM2: [2000, 3200] },
  { code: 'hanjiang-station', abbr: 'DCZ', areaSigma: 0.55, priceYuanPerM2: [2800, 4200] },
  { code: 'food-park', abbr: 'SPY', areaSigma: 0.7, priceYuanPerM2: [2200, 3200] },
  { code: 'north-equipment-park', abbr: 'CBY', areaSigma: 0.7, priceYuanPerM2: [2200, 3300] },
  { code: 'coastal-park', abbr: 'BHY', areaSigma: 0.6, priceYuanPerM2: [2000, 3000] },
  { code: 'old-community-renewal', abbr: 'LJX', areaSigma: 0.3, priceYuanPerM2: [3800, 4500] },
];

const v = (
  townshipCode: string,
  pinyin: string,
  nameZh: string,
  abbr: string,
  headquartersCode: string,
  households: number,
  buildingAreaM2: number,
  landAreaM2: number,
): VillagePlan => ({
  code: `${townshipCode}-${pinyin}`,
  nameZh,
  abbr,
  townshipCode,
  headquartersCode,
  households,
  buildingAreaM2,
  landAreaM2,
});

export const VILLAGE_PLANS: readonly VillagePlan[] = [
  // 白塘湖片区: all in 白塘镇 — 3,875 households, 1,850,000 m² building, 1,458,000 m² land.
  v('baitang', 'chenqiao', '陈桥村', 'CQ', 'baitang-lake', 480, 232_000, 181_000),
  v('baitang', 'jiangwei', '江尾村', 'JW', 'baitang-lake', 310, 148_000, 118_000),
  v('baitang', 'jikui', '集奎村', 'JK', 'baitang-lake', 420, 201_000, 160_000),
  v('baitang', 'yangwei', '洋尾村', 'YW', 'baitang-lake', 470, 226_000, 176_000),
  v('baitang', 'zhenqian', '镇前村', 'ZQ', 'baitang-lake', 450, 214_000, 168_000),
  v('baitang', 'dongyang', '东阳村', 'DY', 'baitang-lake', 430, 205_000, 162_000),
  v('baitang', 'shuangfu', '双福村', 'SF', 'baitang-lake', 410, 196_000, 155_000),
  v('baitang', 'ninghai', '宁海村', 'NH', 'baitang-lake', 480, 229_000, 180_000),
  v('baitang', 'houguo', '后郭村', 'HG', 'baitang-lake', 425, 199_000, 158_000),
  // 大学城片区 (电子信息产业园) in 梧塘 and 三江口: 1,100 households, 420,000 m².
  v('wutang', 'loutou', '漏头村', 'LT', 'university-town', 330, 130_000, 110_000),
  v('wutang', 'songdong', '松东村', 'SD', 'university-town', 300, 118_000, 96_000),
  v('wutang', 'gouwei', '沟尾村', 'GW', 'university-town', 220, 82_000, 70_000),
  v('sanjiangkou', 'aoshan', '鳌山村', 'AS', 'university-town', 250, 90_000, 78_000),
  // 涵江动车站片区 in 江口 and 国欢: 1,000 households, 260,000 m².
  v('jiangkou', 'yuanding', '园顶村', 'YD', 'hanjiang-station', 270, 70_000, 62_000),
  v('jiangkou', 'xinqian', '新前村', 'XQ', 'hanjiang-station', 240, 62_000, 55_000),
  v('guohuan', 'qinhou', '沁后村', 'QH', 'hanjiang-station', 280, 73_000, 64_000),
  v('guohuan', 'huangxia', '黄霞村', 'HX', 'hanjiang-station', 210, 55_000, 48_000),
  // 食品产业园 with 啤酒小镇 in 江口, and smaller mountain villages of 萩芦: 600 households, 200,000 m².
  v('jiangkou', 'shixi', '石西村', 'SX', 'food-park', 330, 128_000, 105_000),
  v('qiulu', 'meiyang', '梅洋村', 'MY', 'food-park', 150, 40_000, 36_000),
  v('qiulu', 'chongfu', '崇福村', 'CF', 'food-park', 120, 32_000, 30_000),
  // 城北装备制造园 in 国欢, 梧塘 and mountain 庄边: 650 households, 200,000 m².
  v('guohuan', 'tangbei', '塘北村', 'TB', 'north-equipment-park', 300, 95_000, 80_000),
  v('wutang', 'xialou', '霞楼村', 'XL', 'north-equipment-park', 230, 72_000, 62_000),
  v('zhuangbian', 'qianguang', '前光村', 'QG', 'north-equipment-park', 120, 33_000, 30_000),
  // 滨海产业园 on the coast of 三江口 and 江口: 700 households, 190,000 m².
  v('sanjiangkou', 'dongjia', '东甲村', 'DJ', 'coastal-park', 250, 70_000, 66_000),
  v('sanjiangkou', 'xinpu', '新浦村', 'XP', 'coastal-park', 230, 62_000, 58_000),
  v('jiangkou', 'dongda', '东大村', 'DD', 'coastal-park', 220, 58_000, 54_000),
  // 老旧小区改造: 哆中路 in 三江口 (the article's signing photo) and the old blocks of three mountain township
  // seats — flats, so small buildings on little land: 700 households, 80,000 m².
  v('sanjiangkou', 'duozhonglu', '哆中路社区', 'DZL', 'old-community-renewal', 400, 46_000, 9_000),
  v('baisha', 'baishashequ', '白沙社区', 'BS', 'old-community-renewal', 110, 12_500, 3_000),
  v('xinxian', 'xinxianshequ', '新县社区', 'XX', 'old-community-renewal', 100, 11_500, 2_600),
  v('dayang', 'dayangshequ', '大洋社区', 'DYS', 'old-community-renewal', 90, 10_000, 2_400),
];

const hqPlans = new Map(HEADQUARTERS_PLANS.map((h) => [h.code, h]));

export function headquartersPlan(code: string): HeadquartersPlan {
  const plan = hqPlans.get(code);
  if (plan === undefined) throw new Error(`no seed plan for headquarters ${code}`);
  return plan;
}
