import { Query, Resolver } from 'type-graphql';
import { describeDataset, listDatasets } from '../../ml/datasets/index.js';
import { datasetPreviewPath } from './dataset-preview-route.js';
import { Dataset } from './dataset.type.js';

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset], { complexity: 10 })
  async datasets(): Promise<Dataset[]> {
    const datasets = await listDatasets();
    return datasets.map((dataset) => {
      const description = describeDataset(dataset.id);
      return {
        id: dataset.id,
        displayName: dataset.displayName,
        modality: dataset.modality,
        available: dataset.available,
        verified: dataset.verified,
        bytesOnDisk: dataset.bytesOnDisk,
        trainSize: dataset.splitSizes.train,
        testSize: dataset.splitSizes.test,
        inputShape: description.inputShape,
        classNames: description.classNames,
        vocabularySize: description.vocabularySize ?? null,
        previewUrl: dataset.available ? datasetPreviewPath(dataset.id, dataset.modality) : null,
      };
    });
  }
}
