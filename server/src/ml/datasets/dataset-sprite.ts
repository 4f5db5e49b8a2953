// A preview of a dataset for the dashboard: a PNG grid of test images (one row per class) or example texts.
import { PNG } from 'pngjs';
import type { SplitDataset } from './dataset-types.js';
import { PADDING_ID } from './text-vocabulary.js';

export interface SpriteOptions {
  /** Examples per class: columns of the image grid, or texts per class. */
  perClass: number;
  /** Text: words kept from the end of each example (where front-padded sequences carry their text). */
  maxWords: number;
}

export const spriteDefaults: Readonly<SpriteOptions> = Object.freeze({ perClass: 8, maxWords: 60 });

export type DatasetSprite =
  | { modality: 'image'; png: Buffer; rows: string[]; columns: number; cellSize: [number, number] }
  | { modality: 'text'; examples: { label: number; className: string; text: string }[] };

/** The first `perClass` test examples of each class, in class order. */
function examplesByClass(dataset: SplitDataset, perClass: number): number[][] {
  const picked: number[][] = dataset.description.classNames.map(() => []);
  for (let i = 0; i < dataset.test.count; i++) {
    const list = picked[dataset.test.labels[i]];
    if (list.length < perClass) list.push(i);
  }
  return picked;
}

export function createDatasetSprite(dataset: SplitDataset, options: Partial<SpriteOptions> = {}): DatasetSprite {
  const { perClass, maxWords } = { ...spriteDefaults, ...options };
  const { description, test } = dataset;
  const picked = examplesByClass(dataset, perClass);
  if (description.modality === 'text') {
    const width = description.inputShape[0];
    const words = dataset.vocabulary ?? [];
    const examples = picked.flatMap((indices, label) =>
      indices.map((index) => {
        const ids = [...test.inputs.subarray(index * width, (index + 1) * width)].filter((id) => id !== PADDING_ID);
        return { label, className: description.classNames[label], text: ids.slice(-maxWords).map((id) => words[id] ?? '<oov>').join(' ') };
      }),
    );
    return { modality: 'text', examples };
  }

  const [height, width, channels] = description.inputShape;
  const gap = 1;
  const png = new PNG({ width: perClass * (width + gap) + gap, height: picked.length * (height + gap) + gap });
  png.data.fill(255);
  const pixels = width * height * channels;
  picked.forEach((indices, row) =>
    indices.forEach((index, column) => {
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const source = index * pixels + (y * width + x) * channels;
          const target = ((row * (height + gap) + gap + y) * png.width + column * (width + gap) + gap + x) * 4;
          for (let c = 0; c < 3; c++) png.data[target + c] = test.inputs[source + (channels === 1 ? 0 : c)];
          png.data[target + 3] = 255;
        }
      }
    }),
  );
  return { modality: 'image', png: PNG.sync.write(png), rows: description.classNames, columns: perClass, cellSize: [height, width] };
}
