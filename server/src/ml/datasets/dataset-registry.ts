// The seven datasets: how each describes itself, which files it is read from (with the publishers' URLs and
// checksums) and which loader parses them.
import { loadCifar10, loadCifar100 } from './cifar-loader.js';
import type { DatasetOptions } from './dataset-defaults.js';
import type { DatasetFileSet } from './dataset-files.js';
import type { DatasetLoader } from './dataset-loader.js';
import type { DatasetDescription, DatasetId } from './dataset-types.js';
import { GTSRB_CLASS_NAMES, loadGtsrb } from './gtsrb-loader.js';
import { IMDB_CLASS_NAMES, KERAS_IMDB_FILES, loadImdb } from './imdb-loader.js';
import { loadMnistLike } from './mnist-loader.js';
import { KERAS_REUTERS_FILES, KERAS_REUTERS_TOPICS, loadReuters } from './reuters-loader.js';

export interface DatasetEntry {
  /** Description with defaults; `describe` adapts it to options (sequence length, image size, label mode). */
  description: DatasetDescription;
  files: DatasetFileSet;
  load: DatasetLoader;
  /** Where the files come from and what is special about them, for docs and the CLI. */
  source: string;
}

const MNIST_MIRROR = 'https://ossci-datasets.s3.amazonaws.com/mnist/';
const FASHION_MIRROR = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/';
const GTSRB_ARCHIVE = 'https://sid.erda.dk/public/archives/daaeac0d7ce1152aea9b61d9f1e19370/';
// Checksums are the file_hash values of keras.datasets.{imdb,reuters}.load_data / get_word_index.
const KERAS_DATASETS = 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/';

function idxFiles(folder: string, mirror: string, checksums: Record<string, [number, string, string]>): DatasetFileSet {
  const role = (role: string, name: string) => {
    const [bytes, sha256, md5] = checksums[name];
    return { role, alternatives: [{ label: name, files: [{ name, url: mirror + name, bytes, sha256, md5 }] }] };
  };
  return {
    folder,
    roles: [
      role('train-images', 'train-images-idx3-ubyte.gz'),
      role('train-labels', 'train-labels-idx1-ubyte.gz'),
      role('test-images', 't10k-images-idx3-ubyte.gz'),
      role('test-labels', 't10k-labels-idx1-ubyte.gz'),
    ],
  };
}

export const CIFAR100_FINE_LABELS = [
  'apple', 'aquarium_fish', 'baby', 'bear', 'beaver', 'bed', 'bee', 'beetle', 'bicycle', 'bottle', 'bowl', 'boy', 'bridge',
  'bus', 'butterfly', 'camel', 'can', 'castle', 'caterpillar', 'cattle', 'chair', 'chimpanzee', 'clock', 'cloud',
  'cockroach', 'couch', 'crab', 'crocodile', 'cup', 'dinosaur', 'dolphin', 'elephant', 'flatfish', 'forest', 'fox', 'girl',
  'hamster', 'house', 'kangaroo', 'keyboard', 'lamp', 'lawn_mower', 'leopard', 'lion', 'lizard', 'lobster', 'man',
  'maple_tree', 'motorcycle', 'mountain', 'mouse', 'mushroom', 'oak_tree', 'orange', 'orchid', 'otter', 'palm_tree', 'pear',
  'pickup_truck', 'pine_tree', 'plain', 'plate', 'poppy', 'porcupine', 'possum', 'rabbit', 'raccoon', 'ray', 'road',
  'rocket', 'rose', 'sea', 'seal', 'shark', 'shrew', 'skunk', 'skyscraper', 'snail', 'snake', 'spider', 'squirrel',
  'streetcar', 'sunflower', 'sweet_pepper', 'table', 'tank', 'telephone', 'television', 'tiger', 'tractor', 'train', 'trout',
  'tulip', 'turtle', 'wardrobe', 'whale', 'willow_tree', 'wolf', 'woman', 'worm',
];

export const CIFAR100_COARSE_LABELS = [
  'aquatic_mammals', 'fish', 'flowers', 'food_containers', 'fruit_and_vegetables', 'household_electrical_devices',
  'household_furniture', 'insects', 'large_carnivores', 'large_man-made_outdoor_things', 'large_natural_outdoor_scenes',
  'large_omnivores_and_herbivores', 'medium_mammals', 'non-insect_invertebrates', 'people', 'reptiles', 'small_mammals',
  'trees', 'vehicles_1', 'vehicles_2',
];

export const datasetRegistry: Record<DatasetId, DatasetEntry> = {
  mnist: {
    description: {
      id: 'mnist',
      displayName: 'MNIST',
      modality: 'image',
      inputShape: [28, 28, 1],
      classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      splitSizes: { train: 60_000, test: 10_000 },
    },
    files: idxFiles('mnist', MNIST_MIRROR, {
      'train-images-idx3-ubyte.gz': [9_912_422, '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609', 'f68b3c2dcbeaaa9fbdd348bbdeb94873'],
      'train-labels-idx1-ubyte.gz': [28_881, '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c', 'd53e105ee54ea40749a09fcbcd1e9432'],
      't10k-images-idx3-ubyte.gz': [1_648_877, '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6', '9fb629c4189551a2d022fa330f9573f3'],
      't10k-labels-idx1-ubyte.gz': [4_542, 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6', 'ec29112dd5afa0611ce80d1b7f02629c'],
    }),
    load: loadMnistLike,
    source: 'IDX .gz files of yann.lecun.com/exdb/mnist (mirror ossci-datasets.s3.amazonaws.com/mnist)',
  },
  'fashion-mnist': {
    description: {
      id: 'fashion-mnist',
      displayName: 'Fashion-MNIST',
      modality: 'image',
      inputShape: [28, 28, 1],
      classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
      splitSizes: { train: 60_000, test: 10_000 },
    },
    files: idxFiles('fashion-mnist', FASHION_MIRROR, {
      'train-images-idx3-ubyte.gz': [26_421_880, '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84', '8d4fb7e6c68d591d4c3dfef9ec88bf0d'],
      'train-labels-idx1-ubyte.gz': [29_515, 'a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845', '25c81989df183df01b3e8a0aad5dffbe'],
      't10k-images-idx3-ubyte.gz': [4_422_102, '346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073', 'bef4ecab320f06d8554ea6380940ec79'],
      't10k-labels-idx1-ubyte.gz': [5_148, '67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5', 'bb300cfdad3c16e7a12a480ee83cd310'],
    }),
    load: loadMnistLike,
    source: 'IDX .gz files of github.com/zalandoresearch/fashion-mnist',
  },
  cifar10: {
    description: {
      id: 'cifar10',
      displayName: 'CIFAR-10',
      modality: 'image',
      inputShape: [32, 32, 3],
      classNames: ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'],
      splitSizes: { train: 50_000, test: 10_000 },
    },
    files: {
      folder: 'cifar-10',
      roles: [
        {
          role: 'archive',
          alternatives: [
            {
              label: 'cifar-10-binary.tar.gz',
              files: [{ name: 'cifar-10-binary.tar.gz', url: 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz', md5: 'c32a1d4ab5d03f1284b67883e8d87530' }],
            },
          ],
        },
      ],
    },
    load: loadCifar10,
    source: 'binary version of www.cs.toronto.edu/~kriz/cifar.html',
  },
  cifar100: {
    description: {
      id: 'cifar100',
      displayName: 'CIFAR-100',
      modality: 'image',
      inputShape: [32, 32, 3],
      classNames: CIFAR100_FINE_LABELS,
      splitSizes: { train: 50_000, test: 10_000 },
    },
    files: {
      folder: 'cifar-100',
      roles: [
        {
          role: 'archive',
          alternatives: [
            {
              label: 'cifar-100-binary.tar.gz',
              // No checksum is published for the binary version: the reader's record counts verify it.
              files: [{ name: 'cifar-100-binary.tar.gz', url: 'https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz' }],
            },
          ],
        },
      ],
    },
    load: loadCifar100,
    source: 'binary version of www.cs.toronto.edu/~kriz/cifar.html (fine labels by default, coarse on request)',
  },
  gtsrb: {
    description: {
      id: 'gtsrb',
      displayName: 'GTSRB',
      modality: 'image',
      inputShape: [32, 32, 3],
      classNames: GTSRB_CLASS_NAMES,
      splitSizes: { train: 39_209, test: 12_630 },
    },
    files: {
      folder: 'gtsrb',
      roles: [
        {
          role: 'train-images',
          alternatives: [
            // The publisher gives no checksum for this archive: its GT CSVs and images verify it as they are parsed.
            { label: 'official training set', files: [{ name: 'GTSRB_Final_Training_Images.zip', url: `${GTSRB_ARCHIVE}GTSRB_Final_Training_Images.zip` }] },
            {
              label: 'training subset (tracks 00000-00001 of each class, PPM re-zipped)',
              holds: { train: 2_580 },
              files: [
                {
                  name: 'GTSRB_Final_Training_Images.subset-tracks00000-00001.ppm-rebuilt.zip',
                  bytes: 20_813_477,
                  sha256: 'f7c46866dbd303d8a2398d6f72983b2a416c8cb4a829d892a949683e4aebd36f',
                },
              ],
            },
          ],
        },
        {
          role: 'test-images',
          alternatives: [
            { label: 'official test images', files: [{ name: 'GTSRB_Final_Test_Images.zip', url: `${GTSRB_ARCHIVE}GTSRB_Final_Test_Images.zip`, md5: 'c7e4e6327067d32654124b0fe9e82185' }] },
            {
              label: 'test images (PPM re-zipped)',
              files: [
                { name: 'GTSRB_Final_Test_Images.ppm-rebuilt.zip', bytes: 88_978_268, sha256: '40d2cfdd42776526134efc9b3a24c01038f374bb6b2f9e9a44d68bd55632b54c' },
              ],
            },
          ],
        },
        {
          role: 'test-labels',
          alternatives: [
            { label: 'GT-final_test.csv', files: [{ name: 'GT-final_test.csv', bytes: 377_382, sha256: '58a660fab5465cce66d7334eb9422ae09ed16186ad4500766b59b5a077a1c12f' }] },
            { label: 'official test ground truth', files: [{ name: 'GTSRB_Final_Test_GT.zip', url: `${GTSRB_ARCHIVE}GTSRB_Final_Test_GT.zip`, md5: 'fe31e9c9270bbcd7b84b7f21a9d9d9e5' }] },
          ],
        },
      ],
    },
    load: loadGtsrb,
    source: 'final training and test sets (PPM + GT CSV) of benchmark.ini.rub.de, archived at sid.erda.dk',
  },
  imdb: {
    description: {
      id: 'imdb',
      displayName: 'IMDB reviews',
      modality: 'text',
      inputShape: [200],
      classNames: IMDB_CLASS_NAMES,
      splitSizes: { train: 25_000, test: 25_000 },
      vocabularySize: 20_000,
    },
    files: {
      folder: 'imdb',
      roles: [
        {
          role: 'reviews',
          alternatives: [
            // Preferred when placed by hand: Keras' own data (what Keras results are measured on), and it needs no tokenizing.
            {
              label: 'Keras imdb.npz + imdb_word_index.json',
              optIn: true,
              files: [
                { name: KERAS_IMDB_FILES.sequences, url: `${KERAS_DATASETS}imdb.npz`, sha256: '69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f' },
                {
                  name: KERAS_IMDB_FILES.wordIndex,
                  url: `${KERAS_DATASETS}imdb_word_index.json`,
                  sha256: '027313fe9a320280f3bf0fac5baf58c4a683cf39a7ed9c3d3d3912bde4284cf6',
                  md5: 'bfafd718b763782e994055a2d397834f',
                },
              ],
            },
            {
              label: 'aclImdb_v1.tar.gz',
              files: [{ name: 'aclImdb_v1.tar.gz', url: 'https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz', md5: '7c2ac02c03563afcf9b574c7e56c153a' }],
            },
            {
              label: 'labelled reviews re-packed in two archives',
              files: [
                { name: 'aclImdb_v1_train_labelled.tar.gz', bytes: 14_067_169, sha256: 'f5c4b0a1ede6f15a41a8ab93fedbf0808d76c4d78a52ad04b1e04c36b125c32d' },
                { name: 'aclImdb_v1_test_and_meta.tar.gz', bytes: 14_563_721, sha256: '9e1eedc2ef4c3e844b497f12de1391998a046ae7d217c80196db97a37dd1b0fb' },
              ],
            },
          ],
        },
      ],
    },
    load: loadImdb,
    source: 'Stanford aclImdb raw text (ai.stanford.edu/~amaas/data/sentiment), or Keras imdb.npz when placed in the folder',
  },
  reuters: {
    description: {
      id: 'reuters',
      displayName: 'Reuters-21578 topics',
      modality: 'text',
      inputShape: [200],
      classNames: KERAS_REUTERS_TOPICS,
      splitSizes: { train: 7_697, test: 2_974 },
      vocabularySize: 20_000,
    },
    files: {
      folder: 'reuters',
      roles: [
        {
          role: 'collection',
          alternatives: [
            // Preferred when placed by hand: Keras' own data and split, for results comparable with Keras'.
            {
              label: 'Keras reuters.npz + reuters_word_index.json (random 80/20 split, seed 113)',
              optIn: true,
              splitSizes: { train: 8_982, test: 2_246 },
              files: [
                { name: KERAS_REUTERS_FILES.sequences, url: `${KERAS_DATASETS}reuters.npz`, sha256: 'd6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916' },
                { name: KERAS_REUTERS_FILES.wordIndex, url: `${KERAS_DATASETS}reuters_word_index.json`, md5: '4d44cc38712099c9e383dc6e5f11a921' },
              ],
            },
            {
              label: 'reuters21578.tar.gz',
              // UCI publishes no checksum; the reader checks for all 22 SGML files and 21578 stories.
              files: [{ name: 'reuters21578.tar.gz', url: 'https://archive.ics.uci.edu/ml/machine-learning-databases/reuters21578-mld/reuters21578.tar.gz' }],
            },
          ],
        },
      ],
    },
    load: loadReuters,
    source: 'Reuters-21578 Distribution 1.0 SGML (UCI KDD archive), ModApte split, Keras 46 topics; or Keras reuters.npz when placed in the folder',
  },
};

/** The description a load with these options produces, before files are read (sizes as published). */
export function describeWithOptions(id: DatasetId, options: Pick<DatasetOptions, 'imageSize' | 'sequenceLength' | 'vocabularySize' | 'cifar100LabelMode'>): DatasetDescription {
  const base = datasetRegistry[id].description;
  const description: DatasetDescription = { ...base, inputShape: [...base.inputShape], classNames: [...base.classNames], splitSizes: { ...base.splitSizes } };
  if (id === 'gtsrb') description.inputShape = [options.imageSize, options.imageSize, 3];
  if (id === 'cifar100' && options.cifar100LabelMode === 'coarse') description.classNames = [...CIFAR100_COARSE_LABELS];
  if (base.modality === 'text') {
    description.inputShape = [options.sequenceLength];
    description.vocabularySize = options.vocabularySize;
  }
  return description;
}
