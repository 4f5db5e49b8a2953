// Per-layer series over epochs from the diagnostics: one line per layer, in model order, with a gap at every epoch
// whose diagnostics were not recorded.
import type { EpochMetrics, LayerDiagnostics } from '../../ml/trainer/training-types.js';
import type { LineSeries } from '../charts/line-chart.js';

export function layerSeries(
  epochs: readonly EpochMetrics[],
  value: (layer: LayerDiagnostics) => number | undefined,
  include: (layer: LayerDiagnostics) => boolean = () => true,
): LineSeries[] {
  const names: string[] = [];
  const classes = new Map<string, string>();
  for (const epoch of epochs) {
    for (const layer of epoch.diagnostics?.layers ?? []) {
      if (!include(layer) || value(layer) === undefined || classes.has(layer.layer)) continue;
      names.push(layer.layer);
      classes.set(layer.layer, layer.layerClass);
    }
  }
  return names.map((name) => ({
    name: `${name} (${classes.get(name)})`,
    points: epochs.map((epoch) => {
      const layer = epoch.diagnostics?.layers.find((l) => l.layer === name);
      return { x: epoch.epoch, y: layer ? (value(layer) ?? null) : null };
    }),
  }));
}

/** How many epochs carry diagnostics, said plainly when it is not all of them. */
export function diagnosticsCoverage(epochs: readonly EpochMetrics[]): string | undefined {
  const measured = epochs.filter((e) => e.diagnostics).length;
  if (measured === epochs.length) return undefined;
  if (measured === 0) return 'Diagnostics were not recorded for this run: nothing to draw.';
  return `Diagnostics were recorded for ${measured} of ${epochs.length} epochs; lines break where they are missing.`;
}
