// German Traffic Sign Recognition Benchmark (Stallkamp et al., 2012), final training and test sets as PPM images
// with GT CSVs (Filename;Width;Height;Roi.X1;Roi.Y1;Roi.X2;Roi.Y2;ClassId). Each sign is cropped to its annotated
// ROI and resized to a square; the result is cached per image size.
import { readFile } from 'node:fs/promises';
import type { DatasetLoader } from './dataset-loader.js';
import { fingerprintFiles } from './dataset-files.js';
import type { LabeledExamples } from './dataset-types.js';
import { cropResizeInto } from './image-resize.js';
import { parsePpm } from './ppm-reader.js';
import { ZipArchive } from './zip-reader.js';

/** Names as in the benchmark's sign catalogue (the widely used signnames.csv); GTSRB itself ships only ids. */
export const GTSRB_CLASS_NAMES = [
  'Speed limit (20km/h)', 'Speed limit (30km/h)', 'Speed limit (50km/h)', 'Speed limit (60km/h)', 'Speed limit (70km/h)',
  'Speed limit (80km/h)', 'End of speed limit (80km/h)', 'Speed limit (100km/h)', 'Speed limit (120km/h)', 'No passing',
  'No passing for vehicles over 3.5 metric tons', 'Right-of-way at the next intersection', 'Priority road', 'Yield', 'Stop',
  'No vehicles', 'Vehicles over 3.5 metric tons prohibited', 'No entry', 'General caution', 'Dangerous curve to the left',
  'Dangerous curve to the right', 'Double curve', 'Bumpy road', 'Slippery road', 'Road narrows on the right', 'Road work',
  'Traffic signals', 'Pedestrians', 'Children crossing', 'Bicycles crossing', 'Beware of ice/snow', 'Wild animals crossing',
  'End of all speed and passing limits', 'Turn right ahead', 'Turn left ahead', 'Ahead only', 'Go straight or right',
  'Go straight or left', 'Keep right', 'Keep left', 'Roundabout mandatory', 'End of no passing',
  'End of no passing by vehicles over 3.5 metric tons',
];

const TRAIN_CSV = /^GTSRB\/Final_Training\/Images\/(\d{5})\/GT-\d{5}\.csv$/;
const TEST_IMAGES_DIR = 'GTSRB/Final_Test/Images/';
const TEST_LABELS = 'GT-final_test.csv';
/** Bump when cropping or resizing changes, so cached crops are rebuilt. */
const CROP_VERSION = 1;

export interface GtsrbAnnotation {
  /** Member name of the image inside its zip. */
  member: string;
  box: { x1: number; y1: number; x2: number; y2: number };
  classId: number;
  /** Training only: the track (series of photos of one sign) the image belongs to, unique across classes. */
  track?: number;
}

export function parseGtsrbCsv(csv: string, memberPrefix: string, source: string): GtsrbAnnotation[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim());
  const header = lines[0]?.split(';') ?? [];
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${source}: GT CSV lacks column ${name}`);
    return index;
  };
  const [file, x1, y1, x2, y2, classId] = ['Filename', 'Roi.X1', 'Roi.Y1', 'Roi.X2', 'Roi.Y2', 'ClassId'].map(column);
  return lines.slice(1).map((line) => {
    const cells = line.split(';');
    const trackMatch = /^(\d{5})_\d{5}\.ppm$/.exec(cells[file]);
    const label = Number(cells[classId]);
    return {
      member: memberPrefix + cells[file],
      // The ROI's second corner is the last pixel inside the sign, hence + 1 for the exclusive crop bound.
      box: { x1: Number(cells[x1]), y1: Number(cells[y1]), x2: Number(cells[x2]) + 1, y2: Number(cells[y2]) + 1 },
      classId: label,
      ...(trackMatch ? { track: label * 1000 + Number(trackMatch[1]) } : {}),
    };
  });
}

function cropAll(archive: ZipArchive, annotations: GtsrbAnnotation[], size: number, source: string): LabeledExamples {
  const pixelsPerImage = size * size * 3;
  const inputs = new Uint8Array(annotations.length * pixelsPerImage);
  const labels = new Int32Array(annotations.length);
  const groups = new Int32Array(annotations.length);
  annotations.forEach((annotation, i) => {
    if (!(annotation.classId >= 0 && annotation.classId < GTSRB_CLASS_NAMES.length)) {
      throw new Error(`${source}: ${annotation.member} has class ${annotation.classId}, outside 0..42`);
    }
    const image = parsePpm(archive.read(annotation.member), `${source}:${annotation.member}`);
    cropResizeInto(image, annotation.box, size, inputs, i * pixelsPerImage);
    labels[i] = annotation.classId;
    groups[i] = annotation.track ?? i;
  });
  return { count: annotations.length, inputs, labels, ...(annotations[0]?.track !== undefined ? { groups } : {}) };
}

async function readTestLabels(labelFile: string): Promise<string> {
  if (!labelFile.endsWith('.zip')) return readFile(labelFile, 'utf8');
  const archive = await ZipArchive.open(labelFile);
  const member = archive.names().find((name) => name.endsWith(TEST_LABELS));
  if (!member) throw new Error(`${labelFile} holds no ${TEST_LABELS}`);
  return archive.read(member).toString('utf8');
}

async function readGtsrb(trainZip: string, testZip: string, testLabelFile: string, size: number) {
  const train = await ZipArchive.open(trainZip);
  const trainAnnotations = train
    .names()
    .filter((name) => TRAIN_CSV.test(name))
    .sort()
    .flatMap((csvName) => parseGtsrbCsv(train.read(csvName).toString('utf8'), csvName.slice(0, csvName.lastIndexOf('/') + 1), `${trainZip}:${csvName}`));
  if (trainAnnotations.length === 0) throw new Error(`${trainZip} holds no GTSRB/Final_Training/Images/NNNNN/GT-NNNNN.csv; it is not the GTSRB training archive`);
  const trainExamples = cropAll(train, trainAnnotations, size, trainZip);

  const test = await ZipArchive.open(testZip);
  const testAnnotations = parseGtsrbCsv(await readTestLabels(testLabelFile), TEST_IMAGES_DIR, testLabelFile);
  const missing = testAnnotations.find((annotation) => !test.has(annotation.member));
  if (missing) throw new Error(`${testZip} lacks ${missing.member}, listed in ${testLabelFile}`);
  return { train: trainExamples, test: cropAll(test, testAnnotations, size, testZip) };
}

/** Roles: train-images (zip), test-images (zip), test-labels (GT-final_test.csv, or the zip holding it). */
export const loadGtsrb: DatasetLoader = async (files, { options, cache }) => {
  const paths = [files['train-images'].files[0].path, files['test-images'].files[0].path, files['test-labels'].files[0].path];
  const key = { version: CROP_VERSION, size: options.imageSize, files: await fingerprintFiles(paths) };
  const cached = await cache.read<Record<string, never>>('gtsrb', key);
  if (cached) {
    const { trainInputs, trainLabels, trainGroups, testInputs, testLabels } = cached.arrays;
    return {
      train: { count: trainLabels.length, inputs: trainInputs, labels: trainLabels as Int32Array, groups: trainGroups as Int32Array },
      test: { count: testLabels.length, inputs: testInputs, labels: testLabels as Int32Array },
    };
  }
  const { train, test } = await readGtsrb(paths[0], paths[1], paths[2], options.imageSize);
  await cache.write('gtsrb', key, {
    meta: {},
    arrays: { trainInputs: train.inputs, trainLabels: train.labels, trainGroups: train.groups!, testInputs: test.inputs, testLabels: test.labels },
  });
  return { train, test };
};
