// The per-epoch diagnostics JSON the trainer stores (layers with activation statistics, gradient and weight
// norms; batch losses; learning rate, see server/src/ml/trainer/training-types.ts), read defensively and
// turned into chart series.
import type { ChartSeries } from '../charts/chart-series';
import { asRecord } from '../study/study-plan';

export interface LayerStats {
  layer: string;
  layerClass: string;
  /** Its units can die or saturate (counted by neuron utilization). */
  nonlinear: boolean;
  mean: number | null;
  std: number | null;
  deadFraction: number | null;
  gradientNorm: number | null;
  weightNorm: number | null;
}

export interface EpochDiagnosticsView {
  epoch: number;
  learningRate: number | null;
  batchLosses: readonly number[];
  layers: readonly LayerStats[];
}

/** Distinct colours for one series per layer, cycled. */
const LAYER_PALETTE = ['#4f46e5', '#d97706', '#0f766e', '#be185d', '#2563eb', '#65a30d', '#9333ea', '#dc2626', '#0891b2', '#57534e'];

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function parseDiagnostics(entries: readonly { epoch: number; diagnostics: unknown }[]): EpochDiagnosticsView[] {
  return entries
    .map((entry) => {
      const record = asRecord(entry.diagnostics);
      const layers = (Array.isArray(record['layers']) ? record['layers'] : []).flatMap((raw): LayerStats[] => {
        const layer = asRecord(raw);
        if (typeof layer['layer'] !== 'string') return [];
        const activation = asRecord(layer['activation']);
        return [
          {
            layer: layer['layer'],
            layerClass: typeof layer['layerClass'] === 'string' ? layer['layerClass'] : '',
            nonlinear: layer['nonlinear'] === true,
            mean: numberOrNull(activation['mean']),
            std: numberOrNull(activation['std']),
            deadFraction: numberOrNull(activation['deadFraction']),
            gradientNorm: numberOrNull(layer['gradientNorm']),
            weightNorm: numberOrNull(layer['weightNorm']),
          },
        ];
      });
      const batchLosses = Array.isArray(record['batchLosses']) ? record['batchLosses'].filter((v): v is number => typeof v === 'number') : [];
      return { epoch: entry.epoch, learningRate: numberOrNull(record['learningRate']), batchLosses, layers };
    })
    .sort((a, b) => a.epoch - b.epoch);
}

/** Layers with trainable weights (a gradient norm), in network order, over all epochs. */
function weightedLayers(epochs: readonly EpochDiagnosticsView[]): string[] {
  const names: string[] = [];
  for (const epoch of epochs) for (const layer of epoch.layers) if (layer.gradientNorm !== null && !names.includes(layer.layer)) names.push(layer.layer);
  return names;
}

/** ‖∇W‖₂ per layer (one series each) by epoch. Zero norms are left out: a log axis cannot show them. */
export function gradientNormSeries(epochs: readonly EpochDiagnosticsView[]): ChartSeries[] {
  return weightedLayers(epochs).map((name, index) => ({
    label: name,
    values: epochs.map((epoch) => {
      const norm = epoch.layers.find((layer) => layer.layer === name)?.gradientNorm ?? null;
      return norm !== null && norm > 0 ? norm : null;
    }),
    colour: LAYER_PALETTE[index % LAYER_PALETTE.length],
  }));
}

/** The last epoch's layers, for per-layer bar charts. */
export function lastEpochLayers(epochs: readonly EpochDiagnosticsView[]): readonly LayerStats[] {
  return epochs.at(-1)?.layers ?? [];
}

export function activationSeries(layers: readonly LayerStats[]): ChartSeries[] {
  return [
    { label: 'Mean activation', values: layers.map((l) => l.mean), colour: '#4f46e5' },
    { label: 'Standard deviation', values: layers.map((l) => l.std), colour: '#0f766e' },
  ];
}

/** Dead units of the layers whose units can die (the others always report 0). */
export function deadUnitLayers(layers: readonly LayerStats[]): readonly LayerStats[] {
  return layers.filter((layer) => layer.nonlinear);
}

export function deadUnitSeries(layers: readonly LayerStats[]): ChartSeries[] {
  return [{ label: 'Dead units', values: layers.map((l) => l.deadFraction), colour: '#b91c1c' }];
}

/** Every training batch's loss, across epochs in order. */
export function batchLossPoints(epochs: readonly EpochDiagnosticsView[]): { labels: number[]; series: ChartSeries[] } {
  const losses = epochs.flatMap((epoch) => epoch.batchLosses);
  return { labels: losses.map((_, index) => index + 1), series: [{ label: 'Batch loss', values: losses, colour: '#4f46e5' }] };
}
