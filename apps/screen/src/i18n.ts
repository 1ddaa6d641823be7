// Chinese first; `?lang=en` shows English (the hall's screens stay Chinese, visitors' previews may not).
export type Lang = 'zh' | 'en';

export function langOf(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh';
}

const TEXT = {
  title: {
    zh: '涵江区“双轮”驱动征迁攻坚 · 奋战100天 征迁300万',
    en: 'Hanjiang campaign: 100 days, 3,000,000 m²',
  },
  day: { zh: '第 {n} 天 / 共 {of} 天', en: 'Day {n} of {of}' },
  signedArea: { zh: '已签约面积', en: 'Signed area' },
  wanM2: { zh: '万㎡', en: '×10,000 m²' },
  ofTarget: { zh: '目标 {t} 万㎡', en: 'target {t} ×10,000 m²' },
  households: { zh: '签约户数占比', en: 'Households signed' },
  paceNeeded: { zh: '每日需完成', en: 'Needed per day' },
  paceRecent: { zh: '近7日日均', en: 'Last 7 days, per day' },
  onPace: { zh: '进度达标', en: 'On pace' },
  behindPace: { zh: '进度落后', en: 'Behind pace' },
  today: { zh: '今日', en: 'Today' },
  signedToday: { zh: '签约 {n} 户', en: '{n} households signed' },
  hqRace: { zh: '指挥部比拼', en: 'Headquarters race' },
  townshipRace: { zh: '乡镇比拼 · 山海协作', en: 'Townships: mountain and plain pairs' },
  mountain: { zh: '山区', en: 'Mountain' },
  plain: { zh: '平原', en: 'Plain' },
  teamRace: { zh: '工作组比拼 · 前十', en: 'Work teams: top 10' },
  ticker: { zh: '捷报', en: 'Milestones' },
  noMilestones: { zh: '等待新的捷报…', en: 'Waiting for milestones…' },
  live: { zh: '实时', en: 'Live' },
  connecting: { zh: '连接中', en: 'Connecting' },
  reconnecting: { zh: '正在重新连接…', en: 'Reconnecting…' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  setupTitle: { zh: '大屏初始设置', en: 'Set up this screen' },
  setupHelp: {
    zh: '请输入只读显示密钥(hj_ 开头),只需设置一次。',
    en: 'Enter the read-only display key (starts with hj_); this is needed once.',
  },
  setupKey: { zh: '显示密钥', en: 'Display key' },
  setupSave: { zh: '保存并开始', en: 'Save and start' },
  setupInvalid: { zh: '密钥格式不正确', en: 'That is not a display key' },
  households_unit: { zh: '户', en: 'households' },
  rankUp: { zh: '上升 {n} 位', en: 'up {n}' },
  rankDown: { zh: '下降 {n} 位', en: 'down {n}' },
} as const;

export type TextKey = keyof typeof TEXT;

export function t(lang: Lang, key: TextKey, values: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
