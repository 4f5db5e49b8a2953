// The files of a run's report are real images of the recorded data: valid PNGs of the expected size with the
// series colours drawn, and a TensorBoard file, for a full run as for a run pruned after one epoch.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { LAYER_KIND_STYLES } from './architecture/layer-kind-colors.js';
import { CATEGORICAL_COLORS } from './charts/series-style.js';
import { FIGURE_WIDTH } from './charts/chart-figure.js';
import { syntheticEpochs, syntheticGraph } from './test-training-run.js';
import { trainingReportFiles, type ReportFile } from './training-report.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function decode(file: ReportFile): PNG {
  expect([...file.content.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  return PNG.sync.read(Buffer.from(file.content));
}

/** A colour drawn at `opacity` over white, as the histogram bars are. */
function overWhite(hex: string, opacity: number): string {
  const channel = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * opacity + 255 * (1 - opacity));
  return `#${[1, 3, 5].map((i) => channel(i).toString(16).padStart(2, '0')).join('')}`;
}

/** Pixels within a small distance of a colour (anti-aliasing blends the edges of lines). */
function pixelsOf(png: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - r!) + Math.abs(png.data[i + 1]! - g!) + Math.abs(png.data[i + 2]! - b!) < 24) count++;
  }
  return count;
}

function nonWhiteFraction(png: PNG): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 250 || png.data[i + 1]! < 250 || png.data[i + 2]! < 250) count++;
  return count / (png.width * png.height);
}

describe('trainingReportFiles', () => {
  const report = (epochs = syntheticEpochs(5)) =>
    trainingReportFiles({
      subject: { name: 'trial 3', outcome: 'completed 5 of 5 epochs' },
      epochs,
      graph: syntheticGraph(),
      startedAt: new Date('2025-01-02T03:04:05Z'),
      hostname: 'worker-a',
      health: { composite: 0.7 },
    });

  it('renders four plots, the architecture diagram and a TensorBoard event file', () => {
    const files = report();
    expect(files.map((f) => [f.fileName, f.role, f.contentType])).toEqual([
      ['training_history.png', 'plot', 'image/png'],
      ['gradient_flow.png', 'plot', 'image/png'],
      ['weight_distributions.png', 'plot', 'image/png'],
      ['activation_progression.png', 'plot', 'image/png'],
      ['architecture.png', 'architecture', 'image/png'],
      [`tensorboard/events.out.tfevents.${Date.UTC(2025, 0, 2, 3, 4, 5) / 1000}.worker-a`, 'tensorboard', 'application/octet-stream'],
    ]);
    expect(files[5]!.content.length).toBeGreaterThan(100);
  });

  it('draws the plots as full-width figures with the series in their colours', () => {
    const [history, gradients, weights, activations] = report().slice(0, 4).map(decode);
    for (const png of [history!, gradients!, weights!, activations!]) {
      expect(png.width).toBe(FIGURE_WIDTH);
      expect(png.height).toBeGreaterThan(300);
      expect(nonWhiteFraction(png)).toBeGreaterThan(0.01);
    }
    // The first series (training; the first layer) is drawn in the first colour.
    for (const png of [history!, gradients!, activations!]) expect(pixelsOf(png, CATEGORICAL_COLORS[0]!)).toBeGreaterThan(200);
    // Histogram bars are the first colour at 60 % over white; the first epoch's outline is the second colour.
    expect(pixelsOf(weights!, overWhite(CATEGORICAL_COLORS[0]!, 0.6))).toBeGreaterThan(3000);
    expect(pixelsOf(weights!, CATEGORICAL_COLORS[1]!)).toBeGreaterThan(200);
    // Validation in the second colour; in gradient flow the third layer with weights (output) in the third.
    expect(pixelsOf(history!, CATEGORICAL_COLORS[1]!)).toBeGreaterThan(200);
    expect(pixelsOf(gradients!, CATEGORICAL_COLORS[2]!)).toBeGreaterThan(200);
    // Three layers with weights: one row of three histograms.
    expect(weights!.height).toBeLessThan(history!.height);
  });

  it('draws every layer of the architecture in its kind colour, with a legend', () => {
    const architecture = decode(report()[4]!);
    expect(architecture.height).toBeGreaterThan(7 * 50);
    for (const kind of ['input', 'conv2d', 'activation', 'pooling', 'flatten', 'dense', 'output'] as const) {
      // A box (about 300×50) and a legend swatch.
      expect(pixelsOf(architecture, LAYER_KIND_STYLES[kind].fill), kind).toBeGreaterThan(5000);
    }
    expect(pixelsOf(architecture, LAYER_KIND_STYLES['batch-normalization'].fill)).toBe(0);
  });

  it('renders a run pruned after one epoch without validation or diagnostics, drawing what exists', () => {
    const files = report(syntheticEpochs(1, { validation: false, diagnostics: false }));
    const [history, gradients, weights] = files.slice(0, 3).map(decode);
    expect(pixelsOf(history!, CATEGORICAL_COLORS[0]!)).toBeGreaterThan(20);
    expect(pixelsOf(history!, CATEGORICAL_COLORS[1]!)).toBe(0);
    expect(pixelsOf(gradients!, CATEGORICAL_COLORS[0]!)).toBe(0);
    expect(nonWhiteFraction(weights!)).toBeGreaterThan(0);
  });
});
