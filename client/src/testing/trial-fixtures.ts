// Server-shaped reads for the trial, best-model and gallery specs (shapes as server/src/ml/... writes them).

/** The ArchitectureView fragment of a small CNN, as the API answers it. */
export const architectureGraph = {
  __typename: 'ArchitectureGraph',
  parameterCount: 27210,
  layers: [
    { __typename: 'ArchitectureLayer', id: 'input', label: 'Input 28×28×1', kind: 'INPUT' as const, outputShape: [28, 28, 1], params: 0 },
    { __typename: 'ArchitectureLayer', id: 'conv_1', label: 'Conv2D 16 · 3×3 · relu', kind: 'CONV2D' as const, outputShape: [26, 26, 16], params: 160 },
    { __typename: 'ArchitectureLayer', id: 'pool_1', label: 'MaxPool 2×2', kind: 'POOLING' as const, outputShape: [13, 13, 16], params: 0 },
    { __typename: 'ArchitectureLayer', id: 'flatten', label: 'Flatten', kind: 'FLATTEN' as const, outputShape: [2704], params: 0 },
    { __typename: 'ArchitectureLayer', id: 'output', label: 'Output 10 · softmax', kind: 'OUTPUT' as const, outputShape: [10], params: 27050 },
  ],
  connections: [
    { __typename: 'ArchitectureConnection', id: 'input->conv_1', source: 'input', target: 'conv_1', label: '28×28×1' },
    { __typename: 'ArchitectureConnection', id: 'conv_1->pool_1', source: 'conv_1', target: 'pool_1', label: '26×26×16' },
    { __typename: 'ArchitectureConnection', id: 'pool_1->flatten', source: 'pool_1', target: 'flatten', label: '13×13×16' },
    { __typename: 'ArchitectureConnection', id: 'flatten->output', source: 'flatten', target: 'output', label: '2704' },
  ],
};

export const healthReport = {
  __typename: 'HealthReport',
  composite: 0.71,
  neuronUtilization: 0.93,
  parameterEfficiency: 0.6,
  trainingStability: 0.88,
  gradientHealth: 0.42,
  convergenceQuality: 0.9,
  accuracyConsistency: 0.5,
  details: { unmeasured: ['accuracyConsistency'] },
};

const layerDiagnostics = (gradientScale: number) => [
  { layer: 'conv_1', layerClass: 'Conv2D', nonlinear: true, activation: { mean: 0.21, std: 0.3, deadFraction: 0.125 }, gradientNorm: 0.05 * gradientScale, weightNorm: 2.1 },
  { layer: 'pool_1', layerClass: 'MaxPooling2D', nonlinear: false, activation: { mean: 0.4, std: 0.35, deadFraction: 0 } },
  { layer: 'output', layerClass: 'Dense', nonlinear: false, activation: { mean: 0.1, std: 0.2, deadFraction: 0 }, gradientNorm: 0.2 * gradientScale, weightNorm: 3.4 },
];

export const diagnostics = [
  { __typename: 'EpochDiagnostics', epoch: 1, diagnostics: { learningRate: 0.001, batchLosses: [2.3, 1.9, 1.4], layers: layerDiagnostics(1) } },
  { __typename: 'EpochDiagnostics', epoch: 2, diagnostics: { learningRate: 0.001, batchLosses: [1.1, 0.9, 0.8], layers: layerDiagnostics(0.5) } },
];

export const epochMetric = (epoch: number, loss: number, valAccuracy: number) => ({
  __typename: 'EpochMetric',
  epoch,
  loss,
  accuracy: valAccuracy - 0.02,
  valLoss: loss + 0.1,
  valAccuracy,
  seconds: 3,
  samplesPerSecond: 100,
});

export const trialDetails = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Trial',
  id: 't3',
  studyId: 's1',
  number: 3,
  state: 'COMPLETE',
  values: [0.91],
  params: { learningRate: 0.0012, filters: 16, optimizer: 'adam' },
  error: null,
  retries: 0,
  startedAt: '2026-11-27T09:00:00.000Z',
  finishedAt: '2026-11-27T09:01:05.000Z',
  durationSeconds: 65,
  epochs: [epochMetric(1, 1.2, 0.8), epochMetric(2, 0.6, 0.91)],
  diagnostics,
  health: healthReport,
  architecture: architectureGraph,
  downloads: [
    { __typename: 'Download', kind: 'TRIAL_PLOT', fileName: 'training_history.png', path: 'trial_3/training_history.png', url: '/downloads/artifacts/a3', contentType: 'image/png', sizeBytes: 20480 },
    { __typename: 'Download', kind: 'TENSORBOARD', fileName: 'events.out.tfevents.1.vm', path: 'trial_3/tensorboard/events.out.tfevents.1.vm', url: '/downloads/artifacts/a4', contentType: 'application/octet-stream', sizeBytes: 900 },
  ],
  ...overrides,
});

export const trialPageStudy = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Study',
  id: 's1',
  name: 'mnist-demo',
  state: 'COMPLETE',
  directions: ['maximize'],
  lastEventSequence: 90,
  bestTrial: { __typename: 'Trial', id: 't3' },
  ...overrides,
});
