import { STAGE_LABELS, stageIndex, type Stage } from '@hanjiang/domain';
import { Tag } from 'antd';
import { useLang } from './i18n.js';

// Solid dark colours with white text: every stage readable at WCAG AA contrast (axe checks it in the e2e).
const COLORS = ['#595959', '#0958d9', '#006d75', '#237804', '#ad4e00', '#531dab'] as const;

export function StageTag({ stage }: { stage: Stage }) {
  const { lang } = useLang();
  return <Tag color={COLORS[stageIndex(stage)] ?? '#595959'}>{STAGE_LABELS[stage][lang]}</Tag>;
}
