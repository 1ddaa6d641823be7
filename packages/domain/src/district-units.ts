// The 48 district units (区直单位) that second cadres to work teams. They are not tenants: their cadres
// sign in through the work team they join. Codes are the initials of the short Chinese name.

export interface DistrictUnit {
  readonly code: string;
  readonly nameZh: string;
}

export const DISTRICT_UNITS: readonly DistrictUnit[] = [
  // Named in the article.
  { code: 'qwb', nameZh: '区委办' },
  { code: 'zjj', nameZh: '住建局' },
  { code: 'zrzyj', nameZh: '自然资源局' },
  { code: 'czj', nameZh: '财政局' },
  { code: 'fgj', nameZh: '发改局' },
  { code: 'gxj', nameZh: '工信局' },
  { code: 'wlj', nameZh: '文旅局' },
  { code: 'scjgj', nameZh: '市场监管局' },
  { code: 'zzb', nameZh: '组织部' },
  { code: 'jwjw', nameZh: '纪委监委' },
  { code: 'xmdczx', nameZh: '项目督查中心' },
  { code: 'xnb', nameZh: '效能办' },
  // Other departments a district of this size has.
  { code: 'xcb', nameZh: '宣传部' },
  { code: 'tzb', nameZh: '统战部' },
  { code: 'zfw', nameZh: '政法委' },
  { code: 'gafj', nameZh: '公安分局' },
  { code: 'mzj', nameZh: '民政局' },
  { code: 'sfj', nameZh: '司法局' },
  { code: 'rsj', nameZh: '人社局' },
  { code: 'jtj', nameZh: '交通局' },
  { code: 'slj', nameZh: '水利局' },
  { code: 'nyncj', nameZh: '农业农村局' },
  { code: 'swj', nameZh: '商务局' },
  { code: 'jyj', nameZh: '教育局' },
  { code: 'wjw', nameZh: '卫健委' },
  { code: 'yjj', nameZh: '应急局' },
  { code: 'sjj', nameZh: '审计局' },
  { code: 'tjj', nameZh: '统计局' },
  { code: 'ybj', nameZh: '医保局' },
  { code: 'xfj', nameZh: '信访局' },
  { code: 'cgj', nameZh: '城管局' },
  { code: 'sthjfj', nameZh: '生态环境分局' },
  // 税务局 shares the initials of 商务局, hence the longer code.
  { code: 'shuiwuj', nameZh: '税务局' },
  { code: 'tyjrswj', nameZh: '退役军人事务局' },
  { code: 'lyj', nameZh: '林业局' },
  { code: 'gzzx', nameZh: '国资中心' },
  { code: 'zszx', nameZh: '征收中心' },
  { code: 'rmtzx', nameZh: '融媒体中心' },
  { code: 'zgh', nameZh: '总工会' },
  { code: 'tqw', nameZh: '团区委' },
  { code: 'fl', nameZh: '妇联' },
  { code: 'kx', nameZh: '科协' },
  { code: 'gsl', nameZh: '工商联' },
  { code: 'dag', nameZh: '档案馆' },
  { code: 'jgswzx', nameZh: '机关事务中心' },
  { code: 'xzfwzx', nameZh: '行政服务中心' },
  { code: 'ylzx', nameZh: '园林中心' },
  { code: 'fgzx', nameZh: '房管中心' },
];

const unitsByCode = new Map(DISTRICT_UNITS.map((u) => [u.code, u]));

export function districtUnitByCode(code: string): DistrictUnit | undefined {
  return unitsByCode.get(code);
}
