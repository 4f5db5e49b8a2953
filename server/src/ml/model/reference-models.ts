// The reference models of issue #8, as Hyperscope configs: what the training-speed benchmark measures and the
// accuracy guard trains. Any speed-up must keep these fast and correct.
import { defaultModelConfig, type CnnConfig, type LstmConfig } from './model-config.js';

/** The batch size the reference figures (TF.js and PyTorch) were measured at. */
export const REFERENCE_BATCH_SIZE = 64;

/** Conv 32·3×3 relu → MaxPool 2 → Conv 64·3×3 relu → MaxPool 2 → Flatten → Dense 128 relu → Dropout 0.3 → Dense softmax, Adam 1e-3. */
export const REFERENCE_CNN: Readonly<CnnConfig> = {
  ...(defaultModelConfig('cnn') as CnnConfig),
  filters: [32, 64],
  convLayersPerBlock: 1,
  kernelSize: 3,
  activation: 'relu',
  batchNormalization: false,
  pooling: 'max',
  convDropout: 0,
  featureHead: 'flatten',
  denseUnits: [128],
  denseDropout: 0.3,
  optimizer: { name: 'adam', learningRate: 1e-3, schedule: 'constant', decayRate: 0.9, batchSize: REFERENCE_BATCH_SIZE },
};

/** Embedding 10 000×64 → LSTM 64 → Dense 2 softmax (the builder's two-class head; = Dense 1 sigmoid), Adam 1e-3. */
export const REFERENCE_LSTM: Readonly<LstmConfig> = {
  ...(defaultModelConfig('lstm') as LstmConfig),
  embeddingDim: 64,
  lstmUnits: [64],
  bidirectional: false,
  recurrentDropout: 0,
  maskPadding: false,
  denseUnits: [],
  denseDropout: 0,
  optimizer: { name: 'adam', learningRate: 1e-3, schedule: 'constant', decayRate: 0.9, batchSize: REFERENCE_BATCH_SIZE },
};
