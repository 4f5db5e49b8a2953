// The figures say what they cannot show: a missing validation split, missing diagnostics, values that are not
// finite. (Their pixels are tested through the report, training-report.test.ts.)
import { describe, expect, it } from 'vitest';
import { syntheticEpochs } from '../test-training-run.js';
import { activationProgressionSvg } from './activation-progression-plot.js';
import { gradientFlowSvg } from './gradient-flow-plot.js';
import { outcomeOf } from './report-subject.js';
import { trainingHistorySvg } from './training-history-plot.js';
import { weightDistributionsSvg } from './weight-distributions-plot.js';

const subject = { name: 'trial 2', outcome: 'pruned after epoch 1 of 4' };

describe('training plots', () => {
  it('title each figure with the run and how it ended', () => {
    for (const svg of [trainingHistorySvg, gradientFlowSvg, weightDistributionsSvg, activationProgressionSvg].map((plot) => plot(syntheticEpochs(1), subject))) {
      expect(svg).toContain('· trial 2');
      expect(svg).toContain('pruned after epoch 1 of 4');
    }
  });

  it('say when there is no validation split, and draw no validation series', () => {
    const svg = trainingHistorySvg(syntheticEpochs(3, { validation: false }), subject);
    expect(svg).toContain('No validation split');
    expect(svg).not.toContain('>validation<');
    expect(trainingHistorySvg(syntheticEpochs(3), subject)).toContain('>validation<');
  });

  it('count values that are not finite instead of drawing them', () => {
    const epochs = syntheticEpochs(3);
    epochs[2]!.loss = NaN;
    expect(trainingHistorySvg(epochs, subject)).toContain('1 value not finite, not drawn');
  });

  it('say when diagnostics were not recorded, or only for some epochs', () => {
    expect(gradientFlowSvg(syntheticEpochs(2, { diagnostics: false }), subject)).toContain('Diagnostics were not recorded');
    expect(weightDistributionsSvg(syntheticEpochs(2, { diagnostics: false }), subject)).toContain('Diagnostics were not recorded');
    const partial = syntheticEpochs(3);
    partial[1]!.diagnostics = null;
    expect(activationProgressionSvg(partial, subject)).toContain('recorded for 2 of 3 epochs');
  });

  it('compare the last weights with the first measured ones, and show one histogram when there is one epoch', () => {
    expect(weightDistributionsSvg(syntheticEpochs(4), subject)).toContain('after epoch 1');
    expect(weightDistributionsSvg(syntheticEpochs(4), subject)).toContain('after epoch 4');
    expect(weightDistributionsSvg(syntheticEpochs(1), subject).match(/<polyline/g)).toBeNull();
  });

  it('leave pass-through layers out of the activations, and non-linear ones only in dead units', () => {
    const svg = activationProgressionSvg(syntheticEpochs(2), subject);
    expect(svg).not.toContain('flatten (Flatten)');
    expect(svg).toContain('pool1 (MaxPooling2D)');
    expect(svg.match(/conv1 \(Conv2D\)/g)).toHaveLength(2);
    expect(svg.match(/dense1 \(Dense\)/g)).toHaveLength(3);
  });

  it('line up the x axes of stacked panels, whatever their legends hold', () => {
    for (const svg of [activationProgressionSvg(syntheticEpochs(2), subject), gradientFlowSvg(syntheticEpochs(2), subject)]) {
      const plotWidths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="none" stroke="#999"\/>/g)].map((m) => m[1]);
      expect(plotWidths.length).toBeGreaterThan(1);
      expect(new Set(plotWidths).size).toBe(1);
    }
  });

  it('describe how each run ended', () => {
    expect(outcomeOf('completed', syntheticEpochs(4), 4)).toBe('completed 4 of 4 epochs');
    expect(outcomeOf('pruned', syntheticEpochs(1), 4)).toBe('pruned after epoch 1 of 4');
    expect(outcomeOf('diverged', syntheticEpochs(2), 4)).toBe('diverged in epoch 2 of 4');
  });
});
