// WebGPU in Node through Dawn's bindings (npm `webgpu`): finds an adapter and registers TF.js's WebGPU backend on
// it. A hardware adapter (Vulkan on Linux, Metal, D3D12) is what makes WebGPU worth choosing; Mesa's llvmpipe
// through OpenGL ES (compatibility level) is a software renderer, slower than wasm, accepted only when asked for
// because it lets CI exercise the same training path without a GPU.
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { uploadThroughQueue } from './webgpu-uploads.js';

/** What the API and the logs say about the WebGPU device training runs on. */
export interface WebGpuAdapterSummary {
  /** Dawn's backend: vulkan, metal, d3d12, opengles, … */
  dawnBackend: string;
  description: string;
  /** A CPU rasterizer (llvmpipe, lavapipe, SwiftShader): correct but slow. */
  software: boolean;
}

type DawnModule = typeof import('webgpu');

const SOFTWARE_RENDERERS = /llvmpipe|lavapipe|softpipe|swiftshader/i;

/** No adapter worth training on: the normal case on a machine without a GPU. */
export class NoWebGpuAdapterError extends Error {
  override name = 'NoWebGpuAdapterError';
}

let registered: WebGpuAdapterSummary | undefined;

/**
 * Registers the `webgpu` TF.js backend on the best adapter Dawn finds. Hardware first; with `allowSoftware`, then
 * OpenGL ES on a software renderer. Throws, saying why, when there is none.
 */
export async function registerDawnWebGpuBackend(options: { allowSoftware: boolean }): Promise<WebGpuAdapterSummary> {
  if (registered && (options.allowSoftware || !registered.software)) return registered;
  const noVulkan = 'vulkan: no Vulkan loader (install libvulkan1 and the GPU driver\'s Vulkan ICD)';
  // Without a GPU path there is nothing to find: not even Dawn's 21 MB library is loaded.
  if (defaultDawnBackend() === 'vulkan' && !hasVulkanLoader() && !options.allowSoftware) throw new NoWebGpuAdapterError(`no usable WebGPU adapter (${noVulkan})`);
  const dawn = await loadDawn();
  // The default backend of the platform (Vulkan here), then, if allowed, the software path.
  const attempts: { dawnBackend: string; flags: string[]; adapterOptions: GPURequestAdapterOptions }[] = [
    { dawnBackend: defaultDawnBackend(), flags: [`backend=${defaultDawnBackend()}`], adapterOptions: { powerPreference: 'high-performance' } },
  ];
  if (options.allowSoftware) {
    // Mesa's EGL needs no display with this platform; it is read when Dawn opens EGL, after this assignment.
    process.env.EGL_PLATFORM ??= 'surfaceless';
    attempts.push({ dawnBackend: 'opengles', flags: ['backend=opengles'], adapterOptions: { featureLevel: 'compatibility' } as GPURequestAdapterOptions });
  }
  const found: string[] = [];
  for (const attempt of attempts) {
    if (attempt.dawnBackend === 'vulkan' && !hasVulkanLoader()) {
      // Dawn would print a warning and find nothing; say what is missing instead.
      found.push(noVulkan);
      continue;
    }
    const gpu = dawn.create([...attempt.flags, ...extraDawnFlags()]);
    const adapter = await gpu.requestAdapter(attempt.adapterOptions);
    if (!adapter) {
      found.push(`${attempt.dawnBackend}: no adapter`);
      continue;
    }
    const description = describe(adapter.info);
    const software = SOFTWARE_RENDERERS.test(description) || adapter.info.isFallbackAdapter === true;
    if (software && !options.allowSoftware) {
      found.push(`${attempt.dawnBackend}: only a software renderer (${description}), slower than wasm`);
      continue;
    }
    const summary = { dawnBackend: attempt.dawnBackend, description, software };
    await registerOn(dawn, gpu, adapter);
    registered = summary;
    return summary;
  }
  throw new NoWebGpuAdapterError(`no usable WebGPU adapter (${found.join('; ')})`);
}

async function loadDawn(): Promise<DawnModule> {
  try {
    return await import('webgpu');
  } catch (error) {
    throw new Error(`Dawn's WebGPU bindings (npm "webgpu") failed to load: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * Dawn flags from `HYPERSCOPE_DAWN_FLAGS` (space-separated), for diagnosis: e.g. `enable-dawn-features=allow_unsafe_apis`
 * turns on the timestamp queries that give TF.js kernel times (bench/train-throughput/step-profile.ts).
 */
function extraDawnFlags(): string[] {
  return (process.env.HYPERSCOPE_DAWN_FLAGS ?? '').split(/\s+/).filter(Boolean);
}

function defaultDawnBackend(): string {
  if (process.platform === 'darwin') return 'metal';
  if (process.platform === 'win32') return 'd3d12';
  return 'vulkan';
}

/** Where Linux distributions put libvulkan.so.1, after LD_LIBRARY_PATH. */
const LIBRARY_DIRS = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/lib/x86_64-linux-gnu', '/lib64', '/usr/local/lib'];

function hasVulkanLoader(): boolean {
  const dirs = [...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean), ...LIBRARY_DIRS];
  return dirs.some((dir) => existsSync(path.join(dir, 'libvulkan.so.1')));
}

function describe(info: GPUAdapterInfo): string {
  return [info.vendor, info.architecture, info.device, info.description].filter((part) => part).join(' ').trim() || 'unnamed adapter';
}

/**
 * The TF.js package registers its backend at import only when `navigator.gpu` exists, and picks the adapter itself;
 * ours replaces that registration so training runs on the adapter chosen here.
 */
async function registerOn(dawn: DawnModule, gpu: GPU, adapter: GPUAdapter): Promise<void> {
  // WebGPU's constants (GPUBufferUsage, GPUMapMode, …) are browser globals the backend uses by name.
  Object.assign(globalThis, dawn.globals);
  const scope = globalThis as { navigator?: { gpu?: GPU } };
  if (!scope.navigator?.gpu) Object.defineProperty(globalThis, 'navigator', { value: { ...scope.navigator, gpu }, configurable: true, writable: true });
  const { WebGPUBackend } = await import('@tensorflow/tfjs-backend-webgpu');
  const limits = adapter.limits;
  const device = await adapter.requestDevice({
    requiredFeatures: adapter.features.has('timestamp-query') ? ['timestamp-query'] : [],
    // The backend sizes its dispatches and buffers by these; the defaults are far below what GPUs offer.
    requiredLimits: {
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
    },
  });
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  tf.registerBackend(
    'webgpu',
    () => {
      const backend = new WebGPUBackend(device, adapter.info);
      uploadThroughQueue(backend);
      return backend;
    },
    3,
  );
}
