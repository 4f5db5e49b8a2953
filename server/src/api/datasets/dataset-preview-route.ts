// GET /datasets/<id>/sprite.png (images) or /datasets/<id>/examples.json (text): a dataset preview for the dashboard.
// The id is checked against the known datasets; the preview is built once per process from the local files.
import type express from 'express';
import { createDatasetSprite, DATASET_IDS, loadDataset, type DatasetId, type DatasetSprite, type Modality } from '../../ml/datasets/index.js';

export function datasetPreviewPath(id: string, modality: Modality): string {
  return `/datasets/${id}/${modality === 'image' ? 'sprite.png' : 'examples.json'}`;
}

export function datasetPreviewRouter(router: express.Router): void {
  const previews = new Map<DatasetId, Promise<DatasetSprite>>();
  const preview = (id: DatasetId) => {
    let sprite = previews.get(id);
    if (!sprite) {
      sprite = loadDataset(id, { download: false }).then((dataset) => createDatasetSprite(dataset));
      sprite.catch(() => previews.delete(id));
      previews.set(id, sprite);
    }
    return sprite;
  };
  router.get('/datasets/:id/:file', async (request, response) => {
    const id = request.params.id as DatasetId;
    const file = request.params.file;
    if (!(DATASET_IDS as readonly string[]).includes(id) || (file !== 'sprite.png' && file !== 'examples.json')) {
      response.status(404).json({ error: `no preview ${request.params.file} for dataset "${request.params.id}"`, code: 'NOT_FOUND' });
      return;
    }
    let sprite: DatasetSprite;
    try {
      sprite = await preview(id);
    } catch (error) {
      response.status(404).json({ error: `dataset ${id} is not available here: ${(error as Error).message}`, code: 'NOT_FOUND' });
      return;
    }
    if (sprite.modality === 'image' && file === 'sprite.png') {
      response.type('image/png').set('Cache-Control', 'max-age=3600').send(sprite.png);
    } else if (sprite.modality === 'text' && file === 'examples.json') {
      response.set('Cache-Control', 'max-age=3600').json(sprite.examples);
    } else {
      response.status(404).json({ error: `dataset ${id} has a ${sprite.modality} preview`, code: 'NOT_FOUND' });
    }
  });
}
