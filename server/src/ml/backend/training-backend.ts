// Chooses the TF.js backend every training in this process runs on. Order of preference: native TensorFlow with
// CUDA, native TensorFlow, WebGPU on a hardware adapter through Dawn, the wasm backend (with the training kernels it
// lacks registered), pure JS. Named explicitly, webgpu also accepts a software renderer (how CI tests it).
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { registerFileSystemRouters } from '../model/model-archive.js';
import { NoWebGpuAdapterError, registerDawnWebGpuBackend } from './dawn-webgpu.js';
import { startSimdKernels } from './wasm-simd-kernels.js';
import { registerWasmTrainingKernels, WASM_TRAINING_KERNELS } from './wasm-training-kernels.js';
import { registerWebGpuTrainingKernels, WEBGPU_TRAINING_KERNELS } from './webgpu-training-kernels.js';

/** Backend names as TF.js registers them; `Worker.backend` stores the same names. */
export const BACKEND_NAMES = ['tensorflow-gpu', 'tensorflow', 'webgpu', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export type BackendPreference = BackendName | 'auto';

/** What the API reports about the chosen backend. */
export interface TrainingBackendInfo {
  name: BackendName;
  /** The TF.js backend id actually active (`tensorflow` for both native packages). */
  tfBackend: string;
  /** Candidates tried before this one and why each was passed over. */
  skipped: { name: BackendName; reason: string }[];
  tfjsVersion: string;
  /** Kernels Hyperscope registered on this backend to make training possible. */
  addedKernels: string[];
  /** The device, where the backend runs on one (webgpu: Dawn's backend and the adapter); null on the CPU. */
  device: string | null;
}

export interface BackendLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/** Ends the device of webgpu on a software renderer: it runs on the CPU, slower than wasm. */
const SOFTWARE_RENDERER_NOTE = ' (software renderer)';

/** Whether a worker that reports this backend and device trains on a GPU. */
export function trainsOnGpu(backend: string, device: string | null): boolean {
  return backend === 'tensorflow-gpu' || (backend === 'webgpu' && device !== null && !device.endsWith(SOFTWARE_RENDERER_NOTE));
}

/** The automatic order (webgpu there takes hardware adapters only). */
const AUTO_ORDER: BackendName[] = ['tensorflow-gpu', 'tensorflow', 'webgpu', 'wasm', 'cpu'];

let active: TrainingBackendInfo | undefined;

/** Thrown when the backend asked for by name cannot be started; the message says what to change. */
export class BackendUnavailableError extends Error {
  override name = 'BackendUnavailableError';
}

/**
 * Selects and initializes the training backend once per process; later calls return the first result unless a
 * different explicit preference is given. `preference` defaults to the `HYPERSCOPE_BACKEND` environment variable,
 * then `auto`. An explicitly named backend that fails to start is an error, never a silent fallback.
 */
export async function initTrainingBackend(
  options: { preference?: BackendPreference; env?: NodeJS.ProcessEnv; logger?: BackendLogger } = {},
): Promise<TrainingBackendInfo> {
  const preference = options.preference ?? readBackendPreference(options.env ?? process.env);
  if (active !== undefined && (preference === 'auto' || preference === active.name)) return active;

  // Production mode only silences TF.js's console advice ("install tfjs-node") in logs; results are unchanged.
  tf.enableProdMode();
  const candidates = preference === 'auto' ? AUTO_ORDER : [preference];
  const skipped: TrainingBackendInfo['skipped'] = [];
  for (const name of candidates) {
    try {
      const { addedKernels, device } = await startBackend(name, preference === name);
      // tfjs-node brings its own file:// handlers; pure tfjs gets ours (model.save('file://…')).
      registerFileSystemRouters();
      active = { name, tfBackend: tf.getBackend(), skipped, tfjsVersion: tf.version.tfjs, addedKernels, device };
      options.logger?.info({ backend: active }, `TF.js training backend: ${name}`);
      return active;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (preference !== 'auto') {
        throw new BackendUnavailableError(
          `The TF.js backend "${name}" was requested (HYPERSCOPE_BACKEND or option) but could not start: ${reason}. ` +
            `Unset HYPERSCOPE_BACKEND or choose one of: auto, ${BACKEND_NAMES.join(', ')}.`,
        );
      }
      skipped.push({ name, reason });
      // An optional package that simply is not installed is the normal case, not a warning.
      const normal = error instanceof OptionalBackendMissingError || error instanceof NoWebGpuAdapterError;
      const log = normal ? options.logger?.info : options.logger?.warn;
      log?.call(options.logger, { backend: name, reason }, `TF.js backend ${name} unavailable, trying the next`);
    }
  }
  throw new BackendUnavailableError(`No TF.js backend could start: ${JSON.stringify(skipped)}`);
}

/** The backend chosen by `initTrainingBackend`, or undefined before it ran. */
export function activeTrainingBackend(): TrainingBackendInfo | undefined {
  return active;
}

export function readBackendPreference(env: NodeJS.ProcessEnv): BackendPreference {
  const raw = env.HYPERSCOPE_BACKEND?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'auto';
  if (raw === 'auto' || (BACKEND_NAMES as readonly string[]).includes(raw)) return raw as BackendPreference;
  throw new BackendUnavailableError(
    `HYPERSCOPE_BACKEND must be one of auto, ${BACKEND_NAMES.join(', ')}; got "${env.HYPERSCOPE_BACKEND}".`,
  );
}

async function startBackend(name: BackendName, named: boolean): Promise<{ addedKernels: string[]; device: string | null }> {
  switch (name) {
    case 'tensorflow-gpu':
    case 'tensorflow':
      // Optional packages that cannot be installed offline (STACK.md); the specifier is a variable so that
      // neither TypeScript nor a bundler requires them to exist.
      await importOptional(name === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node');
      await setBackendOrThrow('tensorflow');
      return { addedKernels: [], device: null };
    case 'webgpu': {
      const adapter = await registerDawnWebGpuBackend({ allowSoftware: named });
      registerWebGpuTrainingKernels();
      await setBackendOrThrow('webgpu');
      return { addedKernels: [...WEBGPU_TRAINING_KERNELS], device: `${adapter.dawnBackend}: ${adapter.description}${adapter.software ? SOFTWARE_RENDERER_NOTE : ''}` };
    }
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      wasm.setWasmPaths(wasmBinaryDirectory());
      registerWasmTrainingKernels();
      await setBackendOrThrow('wasm');
      await startSimdKernels(tf.backend() as BackendWasm);
      return { addedKernels: [...WASM_TRAINING_KERNELS], device: null };
    }
    case 'cpu':
      await setBackendOrThrow('cpu');
      return { addedKernels: [], device: null };
  }
}

class OptionalBackendMissingError extends Error {
  override name = 'OptionalBackendMissingError';
}

async function importOptional(specifier: string): Promise<void> {
  try {
    await import(specifier);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(`'${specifier}'`)) {
      throw new OptionalBackendMissingError(`${specifier} is not installed`);
    }
    throw new Error(`${specifier} failed to load (${(error as Error).message.split('\n')[0]})`);
  }
}

async function setBackendOrThrow(tfName: string): Promise<void> {
  const ok = await tf.setBackend(tfName);
  await tf.ready();
  if (!ok || tf.getBackend() !== tfName) throw new Error(`tf.setBackend('${tfName}') failed`);
}

/** The wasm binaries ship in the package's dist folder; Node reads them from a file path with a trailing slash. */
function wasmBinaryDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
}
