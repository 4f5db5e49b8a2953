import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCifarArchive } from './cifar-loader.js';
import { parseCifarRecords } from './cifar-reader.js';
import { loadDataset } from './dataset-catalog.js';
import { DatasetFileError } from './dataset-file-error.js';
import { readTarGz } from './tar-reader.js';
import { writeTarGz } from './test-tar-writer.js';
import { temporaryDir } from './test-datasets-dir.js';

/** One record in the official layout: label byte(s), then the red, green and blue planes of 32x32. */
function record(labels: number[], red: number, green: number, blue: number): Buffer {
  return Buffer.concat([Buffer.from(labels), Buffer.alloc(1024, red), Buffer.alloc(1024, green), Buffer.alloc(1024, blue)]);
}

describe('readTarGz', () => {
  it('yields regular files, resolving pax long names', async () => {
    const file = path.join(temporaryDir('tar'), 'a.tar.gz');
    const longName = `${'deep/'.repeat(30)}file.txt`;
    writeTarGz(file, { 'short.txt': 'hello', [longName]: 'world' });
    const entries = [];
    for await (const entry of readTarGz(file)) entries.push([entry.name, entry.data.toString()]);
    expect(entries).toEqual([['short.txt', 'hello'], [longName, 'world']]);
  });
});

describe('CIFAR binary archives', () => {
  it('reads CIFAR-10 batches in the published layout into HWC uint8 pixels with the meta file’s class names', async () => {
    const file = path.join(temporaryDir('cifar10'), 'cifar-10-binary.tar.gz');
    const batches = Object.fromEntries(
      [1, 2, 3, 4, 5].map((n) => [`cifar-10-batches-bin/data_batch_${n}.bin`, Buffer.concat([record([n], 10, 20, 30), record([n + 4], 1, 2, 3)])]),
    );
    const names = 'airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n';
    writeTarGz(file, { ...batches, 'cifar-10-batches-bin/test_batch.bin': record([9], 7, 8, 9), 'cifar-10-batches-bin/batches.meta.txt': names });

    const splits = await readCifarArchive(file, 'cifar10', 'fine', { train: 10, test: 1 });
    expect([...splits.train.labels]).toEqual([1, 5, 2, 6, 3, 7, 4, 8, 5, 9]);
    expect([...splits.train.inputs.subarray(0, 6)]).toEqual([10, 20, 30, 10, 20, 30]);
    expect(splits.train.inputs.length).toBe(10 * 3072);
    expect([...splits.test.inputs.subarray(3069)]).toEqual([7, 8, 9]);
    expect(splits.classNames).toHaveLength(10);
  });

  it('reads CIFAR-100 fine labels by default and coarse labels on request', async () => {
    const file = path.join(temporaryDir('cifar100'), 'cifar-100-binary.tar.gz');
    writeTarGz(file, {
      'cifar-100-binary/train.bin': Buffer.concat([record([3, 42], 0, 0, 0), record([19, 99], 0, 0, 0)]),
      'cifar-100-binary/test.bin': record([0, 7], 0, 0, 0),
      'cifar-100-binary/fine_label_names.txt': Array.from({ length: 100 }, (_, i) => `fine${i}`).join('\n'),
      'cifar-100-binary/coarse_label_names.txt': Array.from({ length: 20 }, (_, i) => `coarse${i}`).join('\n'),
    });
    const fine = await readCifarArchive(file, 'cifar100', 'fine', { train: 2, test: 1 });
    expect([...fine.train.labels, ...fine.test.labels]).toEqual([42, 99, 7]);
    expect(fine.classNames).toHaveLength(100);
    const coarse = await readCifarArchive(file, 'cifar100', 'coarse', { train: 2, test: 1 });
    expect([...coarse.train.labels]).toEqual([3, 19]);
    expect(coarse.classNames![19]).toBe('coarse19');
  });

  it('rejects a record file that is not a whole number of records', () => {
    expect(() => parseCifarRecords([Buffer.alloc(3074)], 'cifar10', 'x.bin')).toThrow(/not a whole number of 3073-byte records/);
  });

  it('refuses an archive that fails the published checksum, and explains where CIFAR-10 comes from when absent', async () => {
    const datasetsDir = temporaryDir('cifar-datasets');
    const options = { datasetsDir, cacheDir: temporaryDir('cifar-cache'), download: false };
    const missing = (await loadDataset('cifar10', options).catch((e: unknown) => e)) as Error;
    expect(missing).toBeInstanceOf(DatasetFileError);
    expect(missing.message).toContain('https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz');
    expect(missing.message).toContain(path.join(datasetsDir, 'cifar-10'));

    mkdirSync(path.join(datasetsDir, 'cifar-10'));
    writeTarGz(path.join(datasetsDir, 'cifar-10', 'cifar-10-binary.tar.gz'), { 'cifar-10-batches-bin/test_batch.bin': record([1], 0, 0, 0) });
    const corrupt = (await loadDataset('cifar10', options).catch((e: unknown) => e)) as Error;
    expect(corrupt.message).toMatch(/cifar-10-binary\.tar\.gz is corrupt: its md5 is [0-9a-f]{32}, expected c32a1d4ab5d03f1284b67883e8d87530/);
  });

  it('rejects a CIFAR-100 archive (no published checksum) whose record counts differ from the published splits', async () => {
    const datasetsDir = temporaryDir('cifar100-datasets');
    mkdirSync(path.join(datasetsDir, 'cifar-100'));
    writeTarGz(path.join(datasetsDir, 'cifar-100', 'cifar-100-binary.tar.gz'), {
      'cifar-100-binary/train.bin': record([0, 1], 0, 0, 0),
      'cifar-100-binary/test.bin': record([0, 1], 0, 0, 0),
      'cifar-100-binary/fine_label_names.txt': 'a',
      'cifar-100-binary/coarse_label_names.txt': 'b',
    });
    const error = (await loadDataset('cifar100', { datasetsDir, cacheDir: temporaryDir('cifar100-cache'), download: false }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(DatasetFileError);
    expect(error.message).toMatch(/cifar-100-binary\.tar\.gz: train holds 1 images, expected 50000.*https:\/\/www\.cs\.toronto\.edu\/~kriz\/cifar-100-binary\.tar\.gz/);
  });
});
