// How much computation one training example of a model costs, estimated from its configuration alone (no TF.js),
// so that a scheduler can tell heavy trials from light ones before any worker builds them.
import { MIN_POOLED_SIDE, type CnnConfig, type LstmConfig, type ModelConfig } from './model-config.js';

/**
 * Multiply-accumulates of one example's forward pass through the layers that dominate training time (convolutions,
 * LSTM gates, dense layers). Backpropagation costs about twice the forward pass for all of them, so the ratio
 * between two models is what this estimates; it is not a time.
 */
export function trainingCostPerExample(config: ModelConfig, inputShape: readonly number[], classes: number): number {
  return config.family === 'cnn' ? cnnCost(config, inputShape, classes) : lstmCost(config, inputShape, classes);
}

function cnnCost(config: CnnConfig, [height = 1, width = 1, channels = 1]: readonly number[], classes: number): number {
  let cost = 0;
  let side = Math.min(height, width);
  let area = height * width;
  let depth = channels;
  for (const filters of config.filters) {
    for (let c = 0; c < config.convLayersPerBlock; c++) {
      // 'same' padding: every position of the map, every filter, the whole kernel over every input channel.
      cost += area * filters * config.kernelSize * config.kernelSize * depth;
      depth = filters;
    }
    if (config.pooling !== 'none' && Math.floor(side / 2) >= MIN_POOLED_SIDE) {
      side = Math.floor(side / 2);
      area = Math.floor(area / 4);
    }
  }
  const features = config.featureHead === 'flatten' ? area * depth : depth;
  return cost + denseCost(features, config.denseUnits, classes);
}

function lstmCost(config: LstmConfig, [sequenceLength = 1]: readonly number[], classes: number): number {
  const directions = config.bidirectional ? 2 : 1;
  let cost = 0;
  let inputs = config.embeddingDim;
  for (const units of config.lstmUnits) {
    // Four gates per step, each over the input and the previous state.
    cost += directions * sequenceLength * 4 * units * (inputs + units);
    inputs = directions * units;
  }
  return cost + denseCost(inputs, config.denseUnits, classes);
}

function denseCost(features: number, hidden: readonly number[], classes: number): number {
  let cost = 0;
  let inputs = features;
  for (const units of [...hidden, classes]) {
    cost += inputs * units;
    inputs = units;
  }
  return cost;
}
