// Data-parallel training on one machine's cores: the CPU backends train on one core (TF.js's wasm threads are off
// under Node), so a training process can hand part of every batch to replicas in worker threads. Each replica
// computes the gradient of its share at the process's current weights; the process averages the gradients, applies
// them once with its optimizer, and sends the new weights with the next batch (PyTorch DDP's semantics: batch
// statistics per share; the process's batch-norm moving averages are the ones kept).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackendName } from '../../backend/training-backend.js';
import type { DatasetDescription, LabeledExamples } from '../../datasets/dataset-types.js';
import type { ModelConfig } from '../../model/model-config.js';
import type { ReplicaGradients, ReplicaReply, ReplicaRequest, ReplicaThreadData } from './replica-protocol.js';

/** The backends a replica can run: data parallelism is for the CPU, where a process trains on one core. */
export const REPLICA_BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];

interface Pending {
  resolve: (reply: ReplicaReply) => void;
  reject: (error: Error) => void;
}

/** One worker thread; one request at a time. */
class Replica {
  private pending: Pending | undefined;
  private failure: Error | undefined;

  constructor(private readonly thread: Worker) {
    thread.on('message', (reply: ReplicaReply) => this.settle((p) => (reply.kind === 'failure' ? p.reject(new Error(`gradient replica: ${reply.message}`)) : p.resolve(reply))));
    thread.on('error', (error) => this.fail(error));
    thread.on('exit', (code) => this.fail(new Error(`gradient replica thread exited (code ${code})`)));
  }

  /** The first message of a thread says that its backend is up. */
  ready(): Promise<ReplicaReply> {
    return this.expectReply();
  }

  request(message: ReplicaRequest): Promise<ReplicaReply> {
    const reply = this.expectReply();
    this.thread.postMessage(message);
    return reply;
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  async terminate(): Promise<void> {
    this.thread.removeAllListeners('exit');
    await this.thread.terminate();
  }

  private expectReply(): Promise<ReplicaReply> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) return Promise.reject(new Error('a gradient replica got a second request before answering the first'));
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  private settle(action: (pending: Pending) => void): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) action(pending);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settle((p) => p.reject(error));
  }
}

/** How fast the process's share follows the measured times (exponential smoothing weight of the newest step). */
const BALANCE_SMOOTHING = 0.3;
/** The process keeps at least this fraction of a batch, and leaves the replicas at least as much. */
const MIN_SHARE = 0.1;

export class GradientReplicas {
  /** Batch shares whose gradients the replicas have computed (for logs and tests). */
  sharesComputed = 0;
  /**
   * The fraction of each batch the training process computes itself; the replicas split the rest equally. It starts
   * even and follows the measured times: a replica also receives the weights and sends its gradients back, so it is
   * slower per example than the process (by a third for the LSTM, docs/BENCHMARKS.md).
   */
  processShare: number;

  private constructor(
    private readonly replicas: Replica[],
    readonly backend: BackendName,
  ) {
    this.processShare = 1 / (replicas.length + 1);
  }

  /** The batch in contiguous shares: the process's first, then one per replica. */
  split(indices: Int32Array): Int32Array[] {
    const own = Math.min(indices.length - this.size, Math.max(1, Math.round(indices.length * this.processShare)));
    const rest = indices.length - own;
    const shares = [indices.subarray(0, own)];
    for (let r = 0, start = own; r < this.size; r++) {
      const size = Math.floor(rest / this.size) + (r < rest % this.size ? 1 : 0);
      shares.push(indices.subarray(start, start + size));
      start += size;
    }
    return shares;
  }

  /**
   * Moves the process's share toward equal finishing times, from one step's milliseconds per example of the process
   * and of the slowest replica: with R replicas, share·ownMs = (1 − share)/R·replicaMs.
   */
  balance(ownMsPerExample: number, replicaMsPerExample: number): void {
    if (!(ownMsPerExample > 0 && replicaMsPerExample > 0)) return;
    const target = replicaMsPerExample / (replicaMsPerExample + this.size * ownMsPerExample);
    const next = (1 - BALANCE_SMOOTHING) * this.processShare + BALANCE_SMOOTHING * target;
    this.processShare = Math.min(1 - MIN_SHARE, Math.max(MIN_SHARE, next));
  }

  /** Starts `count` replica threads on `backend` (wasm or cpu) and waits until each has its backend up. */
  static async start(count: number, backend: BackendName): Promise<GradientReplicas> {
    if (!REPLICA_BACKENDS.includes(backend)) throw new RangeError(`Data-parallel training runs on ${REPLICA_BACKENDS.join(' or ')}, not ${backend}.`);
    const replicas = Array.from({ length: count }, () => new Replica(startThread({ backend })));
    const started = new GradientReplicas(replicas, backend);
    try {
      await Promise.all(replicas.map((replica) => replica.ready()));
    } catch (error) {
      await started.close();
      throw error;
    }
    return started;
  }

  get size(): number {
    return this.replicas.length;
  }

  /**
   * False once a replica thread has died (an uncaught error, out of memory): the training it was part of fails with
   * that error, and later trainings run on the process's thread alone.
   */
  get usable(): boolean {
    return this.replicas.length > 0 && this.replicas.every((replica) => !replica.failed);
  }

  /** Builds the model of a new training in every replica and checks that its trainable weights match `shapes`. */
  async setUp(config: ModelConfig, description: DatasetDescription, train: LabeledExamples, shapes: number[][]): Promise<void> {
    const { count, inputs, labels } = train;
    const replies = await Promise.all(this.replicas.map((replica) => replica.request({ kind: 'set-up', config, description, train: { count, inputs, labels } })));
    for (const reply of replies) {
      if (reply.kind !== 'ready' || JSON.stringify(reply.trainableShapes) !== JSON.stringify(shapes)) {
        throw new Error('a gradient replica built a model whose trainable weights differ from the training process\'s');
      }
    }
  }

  /** The gradient of replica `index`'s share of a batch at `weights` (every weight of the model, in order). */
  async gradients(index: number, weights: Float32Array[], indices: Int32Array): Promise<ReplicaGradients> {
    const reply = await this.replicas[index]!.request({ kind: 'step', weights, indices });
    if (reply.kind !== 'gradients') throw new Error(`a gradient replica answered a step with ${reply.kind}`);
    this.sharesComputed++;
    return reply;
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.terminate()));
  }
}

/** The thread's module beside this one: .js when built; .ts under tsx or vitest, which a thread must register first. */
function startThread(data: ReplicaThreadData): Worker {
  const entry = new URL(`./gradient-replica-thread${path.extname(import.meta.filename)}`, import.meta.url).href;
  const source = entry.endsWith('.ts')
    ? `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`
    : `import(${JSON.stringify(entry)})`;
  return new Worker(source, { eval: true, workerData: data });
}
