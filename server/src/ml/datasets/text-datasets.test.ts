import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './dataset-catalog.js';
import { KERAS_REUTERS_TOPICS, readReutersStories } from './reuters-loader.js';
import { SHARED_DATASETS_DIR, temporaryDir } from './test-datasets-dir.js';

const cacheDir = temporaryDir('text-cache');
const options = { datasetsDir: SHARED_DATASETS_DIR, cacheDir, download: false };

describe('IMDB from the aclImdb raw text', () => {
  it('tokenizes all 50 000 labelled reviews into padded ids below the vocabulary size, then reloads from the cache', async () => {
    const dataset = await loadDataset('imdb', { ...options, vocabularySize: 5_000, sequenceLength: 100 });
    expect(dataset.description.modality).toBe('text');
    expect(dataset.description.inputShape).toEqual([100]);
    expect(dataset.description.splitSizes).toEqual({ train: 25_000, test: 25_000 });
    expect(dataset.train.count + dataset.validation.count).toBe(25_000);
    expect(dataset.test.inputs).toBeInstanceOf(Int32Array);
    expect(dataset.test.inputs.length).toBe(25_000 * 100);
    expect((dataset.test.inputs as Int32Array).reduce((max, id) => Math.max(max, id), 0)).toBe(4_999);
    expect(dataset.test.labels.reduce((sum, label) => sum + label, 0)).toBe(12_500);
    expect(dataset.vocabulary!.slice(0, 5)).toEqual(['<pad>', '<oov>', 'the', 'and', 'a']);
    expect((await readdir(path.join(cacheDir, 'parsed'))).some((name) => name.startsWith('imdb-tokens-'))).toBe(true);

    const started = performance.now();
    const again = await loadDataset('imdb', { ...options, vocabularySize: 20_000, sequenceLength: 50 });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(again.test.inputs.length).toBe(25_000 * 50);
    // Front truncation keeps each review's end: both loads agree on the last 50 tokens where no id was cut off.
    const row = (data: Int32Array, width: number, i: number) => [...data.subarray((i + 1) * width - 50, (i + 1) * width)];
    const short = row(dataset.test.inputs as Int32Array, 100, 0).map((id) => id);
    const long = row(again.test.inputs as Int32Array, 50, 0).map((id) => (id >= 5_000 ? 1 : id));
    expect(long).toEqual(short);
  });
});

describe('Reuters-21578 with the ModApte split and Keras topics', () => {
  it('re-derives Keras’ 46 topics: first-listed topics of at least 14 stories, in order of appearance, 11 228 stories', async () => {
    const stories = await readReutersStories(path.join(SHARED_DATASETS_DIR, 'reuters', 'reuters21578.tar.gz'));
    const counts = new Map<string, number>();
    for (const story of stories) if (story.topics.length) counts.set(story.topics[0], (counts.get(story.topics[0]) ?? 0) + 1);
    const derived = [...counts.entries()].filter(([, count]) => count >= 14).map(([topic]) => topic);
    expect(derived).toEqual(KERAS_REUTERS_TOPICS);
    expect(stories.filter((story) => story.topics.length && derived.includes(story.topics[0])).length).toBe(11_228);
  });

  it('loads 7 697 ModApte training and 2 974 test stories over 46 classes, every class in both', async () => {
    const dataset = await loadDataset('reuters', options);
    expect(dataset.description.classNames).toHaveLength(46);
    expect(dataset.description.splitSizes).toEqual({ train: 7_697, test: 2_974 });
    expect(dataset.description.inputShape).toEqual([200]);
    expect(new Set(dataset.test.labels).size).toBe(46);
    expect(new Set([...dataset.train.labels, ...dataset.validation.labels]).size).toBe(46);
  });
});
