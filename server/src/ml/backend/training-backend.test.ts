import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError, initTrainingBackend, readBackendPreference } from './training-backend.js';

describe('initTrainingBackend', () => {
  it('falls back past the uninstallable native packages to wasm, saying why each was skipped', async () => {
    const messages: string[] = [];
    const logger = { info: (_: object, m: string) => messages.push(m), warn: (_: object, m: string) => messages.push(m) };
    const info = await initTrainingBackend({ preference: 'auto', logger });
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.skipped.map((s) => s.name)).toEqual(['tensorflow-gpu', 'tensorflow', 'webgpu']);
    expect(info.skipped[0]!.reason).toMatch(/tfjs-node-gpu/);
    // No GPU here: Dawn finds no hardware adapter (a software renderer is taken only when webgpu is named).
    expect(info.skipped[2]!.reason).toMatch(/no usable WebGPU adapter \(vulkan: no (Vulkan loader|adapter)/);
    expect(info.device).toBeNull();
    expect(info.addedKernels).toContain('Conv2DBackpropFilter');
    expect(messages.at(-1)).toBe('TF.js training backend: wasm');
  });

  it('fails fast when a backend named explicitly cannot start, instead of silently falling back', async () => {
    await expect(initTrainingBackend({ preference: 'tensorflow' })).rejects.toThrow(BackendUnavailableError);
  });

  it('reads HYPERSCOPE_BACKEND and rejects unknown names with the list of valid ones', async () => {
    expect(readBackendPreference({})).toBe('auto');
    expect(readBackendPreference({ HYPERSCOPE_BACKEND: 'CPU' })).toBe('cpu');
    expect(() => readBackendPreference({ HYPERSCOPE_BACKEND: 'cuda' })).toThrow(/auto, tensorflow-gpu/);
    const info = await initTrainingBackend({ env: { HYPERSCOPE_BACKEND: 'cpu' } });
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });
});
