// Cadres that district units second into work teams they do not lead. The article: 抽调48个区直单位500多名干部
// 对口支持指挥部征迁工作 — 48 district units sent 500-odd cadres to support the headquarters. 18 units lead a team
// of their own (teams.ts: 区委办's four squads, 住建局's 13, …); each of the other 30 places its cadres in a
// township's team working the headquarters it supports, so every one of the 48 units has cadres at the front.
// 白塘湖片区, the largest area, gets the most; the 综合督查组's units (组织部, 纪委监委, 项目督查中心, 效能办)
// second cadres too, which is how the article counts all 48.

export interface Secondment {
  /** District unit code (packages/domain district-units). */
  readonly unit: string;
  /** The leaf team the cadres join. */
  readonly team: string;
  readonly cadres: number;
}

export const SECONDMENTS: readonly Secondment[] = [
  // 白塘湖片区
  { unit: 'zzb', team: 'baitang-1', cadres: 14 },
  { unit: 'jwjw', team: 'baitang-2', cadres: 12 },
  { unit: 'xmdczx', team: 'baitang-3', cadres: 10 },
  { unit: 'xnb', team: 'baitang-4', cadres: 10 },
  { unit: 'xcb', team: 'baitang-5', cadres: 13 },
  { unit: 'gafj', team: 'baitang-6', cadres: 16 },
  { unit: 'mzj', team: 'baitang-2', cadres: 14 },
  { unit: 'xfj', team: 'baitang-4', cadres: 12 },
  // 大学城片区
  { unit: 'tzb', team: 'wutang-loutou', cadres: 12 },
  { unit: 'kx', team: 'wutang-songgou', cadres: 11 },
  { unit: 'tjj', team: 'sanjiangkou-aoshan', cadres: 13 },
  { unit: 'rmtzx', team: 'wutang-songgou', cadres: 12 },
  // 涵江动车站片区
  { unit: 'zfw', team: 'jiangkou-station', cadres: 14 },
  { unit: 'sfj', team: 'guohuan-station', cadres: 13 },
  { unit: 'yjj', team: 'jiangkou-station', cadres: 12 },
  // 食品产业园
  { unit: 'shuiwuj', team: 'jiangkou-food', cadres: 15 },
  { unit: 'gsl', team: 'qiulu-food', cadres: 12 },
  { unit: 'zgh', team: 'jiangkou-food', cadres: 12 },
  // 城北装备制造园
  { unit: 'gzzx', team: 'guohuan-north', cadres: 15 },
  { unit: 'sjj', team: 'wutang-north', cadres: 13 },
  { unit: 'sthjfj', team: 'zhuangbian-north', cadres: 13 },
  // 滨海产业园
  { unit: 'lyj', team: 'sanjiangkou-coast', cadres: 14 },
  { unit: 'tyjrswj', team: 'jiangkou-coast', cadres: 13 },
  { unit: 'ybj', team: 'sanjiangkou-coast', cadres: 12 },
  // 老旧小区改造
  { unit: 'jgswzx', team: 'sanjiangkou-renewal', cadres: 14 },
  { unit: 'ylzx', team: 'baisha-renewal', cadres: 13 },
  { unit: 'xzfwzx', team: 'xinxian-renewal', cadres: 13 },
  { unit: 'tqw', team: 'dayang-renewal', cadres: 13 },
  { unit: 'fl', team: 'sanjiangkou-renewal', cadres: 14 },
  { unit: 'dag', team: 'baisha-renewal', cadres: 12 },
];
