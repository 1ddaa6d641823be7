import { percent } from '@hanjiang/domain';
import { Progress } from 'antd';

/**
 * Part of a whole as the platform computes it (domain's `percent`, the same rounding as the gateway's
 * percentages), with the figures beside the bar for people who read numbers rather than bars.
 */
export function ProgressBar({
  label,
  part,
  total,
  unit,
}: {
  label: string;
  part: number;
  total: number;
  unit?: string;
}) {
  const pct = percent(part, total);
  return (
    <div className="hj-progress">
      <div className="hj-progress-label">
        <span>{label}</span>
        <span>
          {part.toLocaleString('zh-CN')} / {total.toLocaleString('zh-CN')}
          {unit ? ` ${unit}` : ''}
        </span>
      </div>
      <Progress percent={pct} aria-label={`${label} ${pct}%`} strokeColor="#b7262f" />
    </div>
  );
}
