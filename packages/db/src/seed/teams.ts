// Work teams (拆迁工作组) and the villages they work. Each township works its own villages; each mountain
// township also sends a helper team to its paired plain township (白沙拆迁组 to 白塘, with the article's
// 江尾分组 and 集奎分组); district units second cadres (区委办's four squads, 住建局's 13, 文旅局/市场监管局 at
// the food park, 财政局/发改局/工信局 at 大学城, …). Leaf teams hold households and cadres; a parent team
// (白沙拆迁组, 区委办项目攻坚突击队) only groups its sub-groups.

import { helper, own, parent, t, u, type TeamPlan } from './team-plan.js';

export const TEAM_PLANS: readonly TeamPlan[] = [
  // 白塘湖片区
  own('baitang', 'baitang-1', '白塘镇征迁一组', 'baitang-lake', 20, ['chenqiao']),
  own('baitang', 'baitang-2', '白塘镇征迁二组', 'baitang-lake', 20, ['jiangwei', 'jikui']),
  own('baitang', 'baitang-3', '白塘镇征迁三组', 'baitang-lake', 20, ['yangwei']),
  own('baitang', 'baitang-4', '白塘镇征迁四组', 'baitang-lake', 20, ['zhenqian', 'dongyang']),
  own('baitang', 'baitang-5', '白塘镇征迁五组', 'baitang-lake', 20, ['shuangfu']),
  own('baitang', 'baitang-6', '白塘镇征迁六组', 'baitang-lake', 20, ['ninghai', 'houguo']),
  parent(t('baisha'), 'baisha-helper', '白沙拆迁组', 'baitang-lake'),
  helper(
    t('baisha'),
    'baisha-helper-jiangwei',
    '江尾分组',
    'baitang-lake',
    3,
    [['baitang-jiangwei', 0.2]],
    'baisha-helper',
  ),
  helper(
    t('baisha'),
    'baisha-helper-jikui',
    '集奎分组',
    'baitang-lake',
    3,
    [['baitang-jikui', 0.15]],
    'baisha-helper',
  ),
  helper(u('zrzyj'), 'zrzyj-baitang', '自然资源局征迁组', 'baitang-lake', 8, [['baitang-ninghai', 0.12]]),
  helper(u('zszx'), 'zszx-baitang', '征收中心征迁组', 'baitang-lake', 10, [['baitang-shuangfu', 0.15]]),
  helper(u('jyj'), 'jyj-baitang', '教育局征迁组', 'baitang-lake', 6, [['baitang-chenqiao', 0.1]]),
  helper(u('wjw'), 'wjw-baitang', '卫健委征迁组', 'baitang-lake', 6, [['baitang-yangwei', 0.1]]),
  // 大学城片区
  own('wutang', 'wutang-loutou', '梧塘镇漏头征迁组', 'university-town', 17, ['loutou']),
  own('wutang', 'wutang-songgou', '梧塘镇松东沟尾征迁组', 'university-town', 17, ['songdong', 'gouwei']),
  own('sanjiangkou', 'sanjiangkou-aoshan', '三江口镇鳌山征迁组', 'university-town', 17, ['aoshan']),
  helper(t('zhuangbian'), 'zhuangbian-helper', '庄边镇支援组', 'university-town', 8, [
    ['wutang-songdong', 0.12],
  ]),
  parent(u('qwb'), 'qwb-squads', '区委办项目攻坚突击队', 'university-town'),
  helper(
    u('qwb'),
    'qwb-squad-1',
    '大学城片区征迁一组',
    'university-town',
    4,
    [['wutang-loutou', 0.15]],
    'qwb-squads',
  ),
  helper(
    u('qwb'),
    'qwb-squad-2',
    '大学城片区征迁二组',
    'university-town',
    3,
    [['wutang-songdong', 0.1]],
    'qwb-squads',
  ),
  helper(
    u('qwb'),
    'qwb-squad-3',
    '大学城片区征迁三组',
    'university-town',
    3,
    [['wutang-gouwei', 0.12]],
    'qwb-squads',
  ),
  helper(
    u('qwb'),
    'qwb-squad-4',
    '大学城片区征迁四组',
    'university-town',
    3,
    [['sanjiangkou-aoshan', 0.12]],
    'qwb-squads',
  ),
  helper(u('czj'), 'czj-university', '财政局对口支持组', 'university-town', 6, [['wutang-loutou', 0.1]]),
  helper(u('fgj'), 'fgj-university', '发改局对口支持组', 'university-town', 6, [['wutang-gouwei', 0.1]]),
  helper(u('gxj'), 'gxj-university', '工信局对口支持组', 'university-town', 6, [['sanjiangkou-aoshan', 0.1]]),
  // 涵江动车站片区
  own('jiangkou', 'jiangkou-station', '江口镇动车站征迁组', 'hanjiang-station', 17, ['yuanding', 'xinqian']),
  own('guohuan', 'guohuan-station', '国欢镇动车站征迁组', 'hanjiang-station', 17, ['qinhou', 'huangxia']),
  helper(t('qiulu'), 'qiulu-helper', '萩芦镇支援组', 'hanjiang-station', 8, [['jiangkou-yuanding', 0.15]]),
  helper(t('dayang'), 'dayang-helper', '大洋乡支援组', 'hanjiang-station', 8, [['guohuan-qinhou', 0.15]]),
  helper(u('zjj'), 'zjj-station', '住建局攻坚队', 'hanjiang-station', 13, [
    ['jiangkou-xinqian', 0.25],
    ['guohuan-huangxia', 0.25],
  ]),
  helper(u('jtj'), 'jtj-station', '交通局征迁组', 'hanjiang-station', 6, [['jiangkou-yuanding', 0.1]]),
  // 食品产业园 (啤酒小镇)
  own('jiangkou', 'jiangkou-food', '江口镇食品园征迁组', 'food-park', 17, ['shixi']),
  own('qiulu', 'qiulu-food', '萩芦镇征迁组', 'food-park', 10, ['meiyang', 'chongfu']),
  helper(u('wlj'), 'wlj-food', '文旅局对口支持组', 'food-park', 6, [['jiangkou-shixi', 0.15]]),
  helper(u('scjgj'), 'scjgj-food', '市场监管局对口支持组', 'food-park', 6, [['jiangkou-shixi', 0.12]]),
  // 城北装备制造园
  own('guohuan', 'guohuan-north', '国欢镇城北征迁组', 'north-equipment-park', 17, ['tangbei']),
  own('wutang', 'wutang-north', '梧塘镇城北征迁组', 'north-equipment-park', 17, ['xialou']),
  own('zhuangbian', 'zhuangbian-north', '庄边镇征迁组', 'north-equipment-park', 10, ['qianguang']),
  helper(u('nyncj'), 'nyncj-north', '农业农村局征迁组', 'north-equipment-park', 6, [
    ['guohuan-tangbei', 0.12],
  ]),
  helper(u('rsj'), 'rsj-north', '人社局征迁组', 'north-equipment-park', 6, [['wutang-xialou', 0.12]]),
  // 滨海产业园
  own('sanjiangkou', 'sanjiangkou-coast', '三江口镇滨海征迁组', 'coastal-park', 17, ['dongjia', 'xinpu']),
  own('jiangkou', 'jiangkou-coast', '江口镇滨海征迁组', 'coastal-park', 17, ['dongda']),
  helper(u('swj'), 'swj-coast', '商务局征迁组', 'coastal-park', 6, [['sanjiangkou-dongjia', 0.12]]),
  helper(u('slj'), 'slj-coast', '水利局征迁组', 'coastal-park', 6, [['jiangkou-dongda', 0.12]]),
  // 老旧小区改造
  own('sanjiangkou', 'sanjiangkou-renewal', '三江口镇旧改征迁组', 'old-community-renewal', 17, [
    'duozhonglu',
  ]),
  own('baisha', 'baisha-renewal', '白沙镇旧改组', 'old-community-renewal', 8, ['baishashequ']),
  own('xinxian', 'xinxian-renewal', '新县镇旧改组', 'old-community-renewal', 8, ['xinxianshequ']),
  own('dayang', 'dayang-renewal', '大洋乡旧改组', 'old-community-renewal', 8, ['dayangshequ']),
  helper(t('xinxian'), 'xinxian-helper', '新县镇支援组', 'old-community-renewal', 8, [
    ['sanjiangkou-duozhonglu', 0.15],
  ]),
  helper(u('fgzx'), 'fgzx-renewal', '房管中心征迁组', 'old-community-renewal', 6, [
    ['sanjiangkou-duozhonglu', 0.1],
  ]),
  helper(u('cgj'), 'cgj-renewal', '城管局征迁组', 'old-community-renewal', 6, [
    ['sanjiangkou-duozhonglu', 0.1],
  ]),
];
