// How the wasm training kernels call other kernels: the backend's own kernels run directly inside a kernel (no
// tape), and a replaced stock kernel stays callable for the cases its replacement hands back.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

export type KernelInputs = Record<string, tf.TensorInfo>;
export type KernelAttrs = Record<string, unknown>;
export interface WasmKernelArgs {
  inputs: KernelInputs;
  backend: BackendWasm;
  attrs: KernelAttrs;
}

const stockKernels = new Map<string, tf.KernelFunc>();

/** Keeps the stock kernel `name` callable after it is replaced. */
export function keepStockKernel(name: string, kernelFunc: tf.KernelFunc): void {
  stockKernels.set(name, kernelFunc);
}

/** Runs the stock (replaced) kernel `name` with the given arguments. */
export function runStockKernel(name: string, args: WasmKernelArgs): tf.TensorInfo {
  const kernel = stockKernels.get(name);
  if (kernel === undefined) throw new Error(`The wasm backend has no stock ${name} kernel.`);
  return kernel(args as unknown as Parameters<tf.KernelFunc>[0]) as tf.TensorInfo;
}

/** Runs another wasm kernel directly, inside this kernel, without going through the engine's tape. */
export function runWasmKernel(backend: BackendWasm, name: string, inputs: KernelInputs, attrs: KernelAttrs): tf.TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (kernel === undefined) throw new Error(`The wasm backend has no ${name} kernel to build on.`);
  return kernel.kernelFunc({ inputs, attrs: attrs as tf.NamedAttrMap, backend }) as tf.TensorInfo;
}
