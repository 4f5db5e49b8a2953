// Child process of run.ts: loads one dataset and prints one JSON line (time, peak RSS, sizes), so each RSS is clean.
import { readImdbCorpus } from '../../server/src/ml/datasets/imdb-loader.js';
import { loadDataset, type DatasetId } from '../../server/src/ml/datasets/index.js';
import { tokenizeCorpus } from '../../server/src/ml/datasets/text-corpus.js';

const [mode, datasetsDir, cacheDir] = process.argv.slice(2);
const started = performance.now();
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (mode === 'baseline') {
  console.log(JSON.stringify({ mode, ms: 0, peakRssMb: peakMb() }));
} else if (mode === 'imdb-tokenize') {
  const corpus = await readImdbCorpus([`${datasetsDir}/imdb/aclImdb_v1_train_labelled.tar.gz`, `${datasetsDir}/imdb/aclImdb_v1_test_and_meta.tar.gz`]);
  const read = performance.now();
  const tokenized = tokenizeCorpus(corpus);
  const done = performance.now();
  console.log(
    JSON.stringify({ mode, readMs: Math.round(read - started), tokenizeMs: Math.round(done - read), reviews: corpus.train.length + corpus.test.length, words: tokenized.rankedWords.length, peakRssMb: peakMb() }),
  );
} else {
  const dataset = await loadDataset(mode as DatasetId, { datasetsDir, cacheDir, download: false });
  console.log(
    JSON.stringify({
      mode,
      ms: Math.round(performance.now() - started),
      peakRssMb: peakMb(),
      train: dataset.train.count,
      validation: dataset.validation.count,
      test: dataset.test.count,
      inputs: dataset.train.inputs.constructor.name,
    }),
  );
}
