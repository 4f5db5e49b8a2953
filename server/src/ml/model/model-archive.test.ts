import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTrainingBackend } from '../backend/training-backend.js';
import { inputBatch, preprocessingFor } from '../trainer/example-batches.js';
import { halvesDataset, smallCnn } from '../trainer/halves-dataset.js';
import { trainModel } from '../trainer/train-model.js';
import {
  loadModelFromDirectory,
  loadModelFromZip,
  registerFileSystemRouters,
  saveModelToDirectory,
  saveModelToZip,
  type ModelMetadataInput,
} from './model-archive.js';
import { buildModel, disposeModel } from './model-builder.js';
import { defaultModelConfig, type LstmConfig } from './model-config.js';

const created: string[] = [];
const temporary = (): string => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'hyperscope-model-'));
  created.push(directory);
  return directory;
};
afterAll(() => created.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function predictions(model: tf.LayersModel, x: tf.Tensor): Float32Array {
  return tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync() as Float32Array);
}

describe('model archive', () => {
  let trained: tf.LayersModel;
  let metadata: ModelMetadataInput;
  let probe: tf.Tensor;

  beforeAll(async () => {
    await initTrainingBackend({ preference: 'wasm' });
    trained = buildModel(smallCnn, halvesDataset.description).model;
    const result = await trainModel({ model: trained, config: smallCnn, dataset: halvesDataset, budget: { epochs: 1 }, probeSize: 0 });
    metadata = {
      params: { convBlocks: 1, learningRate: 0.01 },
      config: smallCnn,
      scores: { validationAccuracy: result.validation!.accuracy },
      health: { composite: 0.8 },
      dataset: halvesDataset.description,
      preprocessing: preprocessingFor(halvesDataset.description),
    };
    probe = inputBatch(halvesDataset.test, halvesDataset.description, [0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('saves a trained CNN to a directory and loads it back predicting identically, with its metadata', async () => {
    const directory = temporary();
    await saveModelToDirectory(trained, directory, metadata);
    const loaded = await loadModelFromDirectory(directory);
    expect(predictions(loaded.model, probe)).toEqual(predictions(trained, probe));
    expect(loaded.metadata).toMatchObject({ ...metadata, format: 'hyperscope-model', version: 1, backend: 'wasm', parameterCount: trained.countParams() });
    expect(loaded.metadata.preprocessing).toEqual({ kind: 'image-scale', scale: 1 / 255, inputDtype: 'float32' });
    expect(JSON.parse(await readFile(path.join(directory, 'model.json'), 'utf8')).weightsManifest[0].paths).toEqual(['weights.bin']);
    loaded.model.dispose();
  });

  it('round-trips through a zip of model.json, weights.bin and metadata.json', async () => {
    const zip = await saveModelToZip(trained, metadata);
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['metadata.json', 'model.json', 'weights.bin']);
    const loaded = await loadModelFromZip(zip);
    expect(predictions(loaded.model, probe)).toEqual(predictions(trained, probe));
    loaded.model.dispose();
    await expect(loadModelFromZip(new Uint8Array([1, 2, 3]), 'bad.zip')).rejects.toThrow(/bad.zip is not a zip archive/);
  });

  it('round-trips a bidirectional LSTM (token-id inputs)', async () => {
    const description = { id: 'imdb' as const, displayName: 'IMDB', modality: 'text' as const, inputShape: [6], classNames: ['neg', 'pos'], splitSizes: { train: 1, test: 1 }, vocabularySize: 50 };
    const config: LstmConfig = { ...(defaultModelConfig('lstm') as LstmConfig), embeddingDim: 4, lstmUnits: [3], bidirectional: true, denseUnits: [5] };
    const { model } = buildModel(config, description);
    const zip = await saveModelToZip(model, { ...metadata, config, dataset: description, preprocessing: preprocessingFor(description) });
    const loaded = await loadModelFromZip(zip);
    const tokens = tf.tensor2d([[1, 2, 3, 4, 5, 6], [0, 0, 0, 7, 8, 49]], [2, 6], 'int32');
    expect(predictions(loaded.model, tokens)).toEqual(predictions(model, tokens));
    expect(loaded.metadata.preprocessing.kind).toBe('token-ids');
    tf.dispose(tokens);
    loaded.model.dispose();
    disposeModel(model);
  });

  it('makes model.save("file://…") and tf.loadLayersModel("file://…") work without tfjs-node', async () => {
    registerFileSystemRouters();
    const directory = temporary();
    await trained.save(`file://${directory}`);
    const loaded = await tf.loadLayersModel(`file://${directory}/model.json`);
    expect(predictions(loaded, probe)).toEqual(predictions(trained, probe));
    loaded.dispose();
  });
});
