// The only module that imports ECharts (modular, SVG renderer): it is loaded lazily by LazyBars, so the
// console's first load carries no chart code.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface BarSeries {
  readonly name: string;
  readonly values: readonly number[];
  /** A colour per bar (e.g. the flagged units'), else the series colour. */
  readonly barColors?: readonly (string | undefined)[];
  readonly color: string;
}

export interface BarsProps {
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly max?: number;
}

/** Horizontal bars, best at the top, one row per unit (long Chinese names fit on the left axis). */
export default function Bars({ categories, series, max }: BarsProps) {
  const ref = useRef<HTMLDivElement>(null);
  const height = Math.max(160, categories.length * (series.length > 1 ? 34 : 26) + 60);
  useEffect(() => {
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
      legend: series.length > 1 ? { top: 0 } : undefined,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', max },
      yAxis: { type: 'category', inverse: true, data: [...categories] },
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        itemStyle: { color: s.color },
        data: s.values.map((value, i) => {
          const color = s.barColors?.[i];
          return color ? { value, itemStyle: { color } } : value;
        }),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, max]);
  return <div ref={ref} style={{ width: '100%', height }} />;
}
