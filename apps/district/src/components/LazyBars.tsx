import { useLang } from '@hanjiang/ui';
import { lazy, Suspense } from 'react';
import type { BarsProps } from './Bars.js';

const Bars = lazy(() => import('./Bars.js'));

/**
 * A chart beside a table that carries the same figures: for screen readers the chart is one image named by
 * `label`, and the table is what they read.
 */
export function LazyBars({ label, ...props }: BarsProps & { label: string }) {
  const { t } = useLang();
  return (
    <figure className="chart" role="img" aria-label={`${label}(${t('chartNote')})`}>
      <Suspense fallback={<p className="muted">{t('chartLoading')}</p>}>
        <Bars {...props} />
      </Suspense>
    </figure>
  );
}
