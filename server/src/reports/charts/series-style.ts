// How the n-th series of a chart is drawn: Tableau's ten categorical colours, then the same colours dashed, so
// that up to thirty series stay distinguishable in a legend.

export interface SeriesStyle {
  color: string;
  /** An SVG stroke-dasharray, or undefined for a solid line. */
  dash?: string;
}

export const CATEGORICAL_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const DASHES = [undefined, '6 3', '2 2'];

export function seriesStyle(index: number): SeriesStyle {
  const color = CATEGORICAL_COLORS[index % CATEGORICAL_COLORS.length]!;
  const dash = DASHES[Math.floor(index / CATEGORICAL_COLORS.length) % DASHES.length];
  return dash ? { color, dash } : { color };
}
