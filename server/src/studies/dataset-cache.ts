// A worker trains many trials of the same study: it loads each dataset split once and keeps it.
import { loadDataset, type SplitDataset } from '../ml/datasets/index.js';
import type { StudyConfig } from './study-config.js';

export class DatasetCache {
  private readonly loaded = new Map<string, Promise<SplitDataset>>();

  constructor(private readonly options: { datasetsDir?: string; cacheDir?: string } = {}) {}

  /** The dataset with its full training split; trials take their training subset from it. */
  load(config: Pick<StudyConfig, 'dataset' | 'seed'>): Promise<SplitDataset> {
    const key = `${config.dataset}:${config.seed}`;
    let dataset = this.loaded.get(key);
    if (!dataset) {
      dataset = loadDataset(config.dataset, { ...this.options, seed: config.seed });
      dataset.catch(() => this.loaded.delete(key));
      // Keep one study's data at a time: a worker that moves on frees the previous dataset's memory.
      this.loaded.clear();
      this.loaded.set(key, dataset);
    }
    return dataset;
  }
}
