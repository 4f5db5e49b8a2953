// What a chart shows, independent of Chart.js: x labels and named series, plus the words screen readers get.

export interface ChartSeries {
  label: string;
  /** One per x label; null where there is no value (e.g. no validation split). */
  values: readonly (number | null)[];
  colour: string;
}

export interface ChartAxis {
  title: string;
  logarithmic?: boolean;
  /** Values are fractions shown as percentages. */
  percent?: boolean;
  min?: number;
  max?: number;
}

export function formatChartValue(value: number | null, axis?: Pick<ChartAxis, 'percent'>): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (axis?.percent) return `${(value * 100).toFixed(1)} %`;
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5) ? value.toExponential(2) : Number(value.toPrecision(4)).toString();
}

/** E.g. "Loss per epoch, 3 epochs. Training: last 0.41. Validation: last 0.52." */
export function summarizeChart(title: string, xName: string, labels: readonly (string | number)[], series: readonly ChartSeries[], axis?: ChartAxis): string {
  if (labels.length === 0) return `${title}: no data yet.`;
  const parts = series.map((s) => {
    const values = s.values.filter((v): v is number => v !== null && Number.isFinite(v));
    if (values.length === 0) return `${s.label}: no values`;
    if (labels.length === 1) return `${s.label}: ${formatChartValue(values[0], axis)}`;
    const last = [...s.values].reverse().find((v): v is number => v !== null && Number.isFinite(v)) ?? null;
    return `${s.label}: from ${formatChartValue(values[0], axis)} to ${formatChartValue(last, axis)}, lowest ${formatChartValue(Math.min(...values), axis)}, highest ${formatChartValue(Math.max(...values), axis)}`;
  });
  return `${title}, ${labels.length} ${xName}${labels.length === 1 ? '' : 's'}. ${parts.join('. ')}.`;
}
