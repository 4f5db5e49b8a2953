// Saving and loading trained models without tfjs-node (STACK.md): TF.js layers format (model.json + weights.bin)
// plus Hyperscope's metadata.json, to a directory or a zip. Also registers `file://` save/load routers so that
// `model.save('file://dir')` and `tf.loadLayersModel('file://dir/model.json')` work under pure tfjs.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DatasetDescription } from '../datasets/dataset-types.js';
import type { ModelConfig } from './model-config.js';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';
export const METADATA_FILE = 'metadata.json';
export const METADATA_FORMAT = 'hyperscope-model';
export const METADATA_VERSION = 1;

/** How raw dataset inputs become model inputs; a user of the exported model must apply the same. */
export type Preprocessing = { kind: 'image-scale'; scale: number; inputDtype: 'float32' } | { kind: 'token-ids'; inputDtype: 'int32' };

/** Everything about a trained model besides its weights. */
export interface ModelMetadata {
  format: typeof METADATA_FORMAT;
  version: typeof METADATA_VERSION;
  createdAt: string;
  /** Sampled hyperparameters, as the engine reported them. */
  params: Record<string, number | string | boolean>;
  config: ModelConfig;
  /** Named scores: validation/test accuracy, objective values. */
  scores: Record<string, number>;
  /** The six health metrics and composite (HealthReport without details, or with). */
  health: Record<string, unknown> | null;
  dataset: DatasetDescription;
  preprocessing: Preprocessing;
  parameterCount: number;
  /** TF.js version and backend that trained it. */
  tfjsVersion: string;
  backend: string;
}

export type ModelMetadataInput = Omit<ModelMetadata, 'format' | 'version' | 'createdAt' | 'tfjsVersion' | 'backend' | 'parameterCount'> &
  Partial<Pick<ModelMetadata, 'backend'>>;

export interface LoadedModel {
  model: tf.LayersModel;
  metadata: ModelMetadata;
}

interface ModelFiles {
  [MODEL_FILE]: Uint8Array;
  [WEIGHTS_FILE]: Uint8Array;
}

/** Writes model.json, weights.bin and metadata.json into `directory` (created if missing). */
export async function saveModelToDirectory(model: tf.LayersModel, directory: string, metadata: ModelMetadataInput): Promise<void> {
  const files = await serializeModel(model);
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, MODEL_FILE), files[MODEL_FILE]);
  await writeFile(path.join(directory, WEIGHTS_FILE), files[WEIGHTS_FILE]);
  await writeFile(path.join(directory, METADATA_FILE), JSON.stringify(completeMetadata(model, metadata), null, 2));
}

export async function loadModelFromDirectory(directory: string): Promise<LoadedModel> {
  const read = async (name: string): Promise<Uint8Array> => {
    try {
      return await readFile(path.join(directory, name));
    } catch (error) {
      throw new Error(`${directory} is not a saved Hyperscope model: cannot read ${name} (${(error as Error).message}).`);
    }
  };
  return deserialize({ [MODEL_FILE]: await read(MODEL_FILE), [WEIGHTS_FILE]: await read(WEIGHTS_FILE) }, await read(METADATA_FILE), directory);
}

/** The same three files in one zip archive, as bytes. */
export async function saveModelToZip(model: tf.LayersModel, metadata: ModelMetadataInput): Promise<Uint8Array> {
  const files = await serializeModel(model);
  return zipSync({
    [MODEL_FILE]: files[MODEL_FILE],
    [WEIGHTS_FILE]: [files[WEIGHTS_FILE], { level: 0 }],
    [METADATA_FILE]: strToU8(JSON.stringify(completeMetadata(model, metadata), null, 2)),
  });
}

export async function loadModelFromZip(zip: Uint8Array, source = 'zip'): Promise<LoadedModel> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    throw new Error(`${source} is not a zip archive: ${(error as Error).message}.`);
  }
  const missing = [MODEL_FILE, WEIGHTS_FILE, METADATA_FILE].filter((name) => !(name in entries));
  if (missing.length > 0) throw new Error(`${source} is not a saved Hyperscope model: it lacks ${missing.join(', ')}.`);
  return deserialize({ [MODEL_FILE]: entries[MODEL_FILE]!, [WEIGHTS_FILE]: entries[WEIGHTS_FILE]! }, entries[METADATA_FILE]!, source);
}

/** TF.js types a router as always returning a handler, but routers decline a URL by returning null. */
type Router = Parameters<typeof tf.io.registerSaveRouter>[0];

/** Registers `file://` routers for model.save / tf.loadLayersModel unless a backend (tfjs-node) already has them. */
export function registerFileSystemRouters(): void {
  if (tf.io.getSaveHandlers('file:///probe').length === 0) {
    tf.io.registerSaveRouter(((url: string | string[]) => {
      const target = fileUrlPath(url);
      return target === null ? null : tf.io.withSaveHandler((artifacts) => writeArtifacts(artifacts, target));
    }) as Router);
  }
  if (tf.io.getLoadHandlers('file:///probe/model.json').length === 0) {
    tf.io.registerLoadRouter(((url: string | string[]) => {
      const target = fileUrlPath(url);
      if (target === null) return null;
      const modelFile = target.endsWith('.json') ? target : path.join(target, MODEL_FILE);
      return {
        load: async () => {
          const json = JSON.parse(await readFile(modelFile, 'utf8')) as tf.io.ModelJSON;
          return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
            const specs = manifest.flatMap((group) => group.weights);
            const buffers = await Promise.all(
              manifest.flatMap((group) => group.paths).map((p) => readFile(path.join(path.dirname(modelFile), p))),
            );
            return [specs, tf.io.concatenateArrayBuffers(buffers.map(toArrayBuffer))];
          });
        },
      };
    }) as Router);
  }
}

function fileUrlPath(url: string | string[]): string | null {
  const single = Array.isArray(url) ? url[0] : url;
  return single?.startsWith('file://') ? single.slice('file://'.length) : null;
}

async function writeArtifacts(artifacts: tf.io.ModelArtifacts, directory: string): Promise<tf.io.SaveResult> {
  const files = artifactsToFiles(artifacts);
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, MODEL_FILE), files[MODEL_FILE]);
  await writeFile(path.join(directory, WEIGHTS_FILE), files[WEIGHTS_FILE]);
  return { modelArtifactsInfo: modelArtifactsInfo(artifacts, files) };
}

async function serializeModel(model: tf.LayersModel): Promise<ModelFiles> {
  let files: ModelFiles | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      files = artifactsToFiles(artifacts);
      return { modelArtifactsInfo: modelArtifactsInfo(artifacts, files) };
    }),
  );
  return files!;
}

function artifactsToFiles(artifacts: tf.io.ModelArtifacts): ModelFiles {
  const weights = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  const json: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as object,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
  };
  return { [MODEL_FILE]: strToU8(JSON.stringify(json)), [WEIGHTS_FILE]: new Uint8Array(weights) };
}

function modelArtifactsInfo(artifacts: tf.io.ModelArtifacts, files: ModelFiles): tf.io.ModelArtifactsInfo {
  return {
    dateSaved: new Date(),
    modelTopologyType: 'JSON',
    modelTopologyBytes: files[MODEL_FILE].byteLength,
    weightSpecsBytes: JSON.stringify(artifacts.weightSpecs ?? []).length,
    weightDataBytes: files[WEIGHTS_FILE].byteLength,
  };
}

async function deserialize(files: ModelFiles, metadataBytes: Uint8Array, source: string): Promise<LoadedModel> {
  const metadata = JSON.parse(strFromU8(metadataBytes)) as ModelMetadata;
  if (metadata.format !== METADATA_FORMAT || metadata.version !== METADATA_VERSION) {
    throw new Error(`${source}: ${METADATA_FILE} is not Hyperscope model metadata version ${METADATA_VERSION}.`);
  }
  const json = JSON.parse(strFromU8(files[MODEL_FILE])) as tf.io.ModelJSON;
  const artifacts = tf.io.getModelArtifactsForJSONSync(
    json,
    json.weightsManifest.flatMap((group) => group.weights),
    toArrayBuffer(files[WEIGHTS_FILE]),
  );
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  return { model, metadata };
}

function completeMetadata(model: tf.LayersModel, input: ModelMetadataInput): ModelMetadata {
  return {
    format: METADATA_FORMAT,
    version: METADATA_VERSION,
    createdAt: new Date().toISOString(),
    ...input,
    parameterCount: model.countParams(),
    tfjsVersion: tf.version.tfjs,
    backend: input.backend ?? tf.getBackend(),
  };
}

/** A standalone ArrayBuffer holding exactly the bytes of the view (Node Buffers share a larger pool). */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
