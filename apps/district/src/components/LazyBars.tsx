import { useLang } from '@hanjiang/ui';
import { lazy, type RefObject, Suspense, useEffect, useRef, useState } from 'react';
import type { BarsProps } from './Bars.js';

const Bars = lazy(() => import('./Bars.js'));

/** True once the element is on (or near) the screen: a chart below the fold on a phone is not loaded until then. */
function useNearScreen(): [RefObject<HTMLElement | null>, boolean] {
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !ref.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

/**
 * A chart beside a table that carries the same figures: for screen readers the chart is one image named by
 * `label`, and the table is what they read. ECharts comes in a chunk of its own, fetched after the page shows.
 */
export function LazyBars({ label, ...props }: BarsProps & { label: string }) {
  const { t } = useLang();
  const [ref, near] = useNearScreen();
  const fallback = <p className="muted chart-placeholder">{t('chartLoading')}</p>;
  return (
    <figure ref={ref} className="chart" role="img" aria-label={`${label}(${t('chartNote')})`}>
      {near ? (
        <Suspense fallback={fallback}>
          <Bars {...props} />
        </Suspense>
      ) : (
        fallback
      )}
    </figure>
  );
}
