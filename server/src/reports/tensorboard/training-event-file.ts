// A run's TensorBoard event file: one event per epoch with the training curves and the per-layer diagnostics as
// scalars (step = epoch), and the health metrics at the last epoch.
import type { EpochMetrics } from '../../ml/trainer/training-types.js';
import { fileVersionEvent, scalarsEvent, type Scalar } from './tensorboard-event.js';
import { concatBytes, tfRecord } from './tfrecord.js';

export interface TrainingEvents {
  epochs: readonly EpochMetrics[];
  /** When training began; each epoch's wall time adds the recorded epoch durations to it. */
  startedAt: Date;
  /** Health metrics and composite of a finished run, by name (`health/<name>` tags). */
  health?: Readonly<Record<string, number>>;
}

export function trainingEventFile({ epochs, startedAt, health }: TrainingEvents): Uint8Array {
  const start = startedAt.getTime() / 1000;
  const records = [tfRecord(fileVersionEvent(start))];
  let elapsed = 0;
  for (const epoch of epochs) {
    elapsed += epoch.seconds;
    records.push(tfRecord(scalarsEvent(start + elapsed, epoch.epoch, epochScalars(epoch))));
  }
  const last = epochs.at(-1);
  if (health && last) {
    const scalars = Object.entries(health).map(([name, value]) => ({ tag: `health/${name}`, value }));
    records.push(tfRecord(scalarsEvent(start + elapsed, last.epoch, scalars)));
  }
  return concatBytes(records);
}

export function epochScalars(epoch: EpochMetrics): Scalar[] {
  const scalars: Scalar[] = [
    { tag: 'loss', value: epoch.loss },
    { tag: 'accuracy', value: epoch.accuracy },
  ];
  if (epoch.valLoss !== null) scalars.push({ tag: 'val_loss', value: epoch.valLoss });
  if (epoch.valAccuracy !== null) scalars.push({ tag: 'val_accuracy', value: epoch.valAccuracy });
  scalars.push({ tag: 'learning_rate', value: epoch.learningRate }, { tag: 'samples_per_second', value: epoch.samplesPerSecond });
  for (const layer of epoch.diagnostics?.layers ?? []) {
    if (layer.gradientNorm !== undefined) scalars.push({ tag: `gradient_norm/${layer.layer}`, value: layer.gradientNorm });
    if (layer.weightNorm !== undefined) scalars.push({ tag: `weight_norm/${layer.layer}`, value: layer.weightNorm });
    scalars.push(
      { tag: `activation_mean/${layer.layer}`, value: layer.activation.mean },
      { tag: `activation_std/${layer.layer}`, value: layer.activation.std },
      { tag: `dead_fraction/${layer.layer}`, value: layer.activation.deadFraction },
    );
  }
  return scalars;
}

/** TensorBoard finds event files by this pattern; the host keeps files from several workers apart. */
export function eventFileName(startedAt: Date, hostname: string): string {
  return `events.out.tfevents.${Math.floor(startedAt.getTime() / 1000)}.${hostname.replace(/[^A-Za-z0-9.-]/g, '_')}`;
}
