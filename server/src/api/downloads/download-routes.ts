// Plain-HTTP downloads. Artifacts are served from the bytes stored with their record, so files written by workers on
// other machines download too; records from before contents were stored fall back to the file their path names
// (checked to stay inside the results root). Nothing a client sends is used as a path. Generated files are built
// from the database.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
import type { SampledParams } from '../../ml/model/search-space.js';
import { bestHyperparametersYaml, healthScores } from '../../studies/best-hyperparameters.js';
import type { StudyConfig } from '../../studies/study-config.js';
import type { PrismaClient } from '../../persistence/generated/prisma/client.js';
import { DOWNLOADS_PATH } from './download-links.js';
import { trialsCsv } from './trials-csv.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(response: express.Response, message: string): void {
  response.status(404).json({ error: message, code: 'NOT_FOUND' });
}

/** Absolute path of a stored artifact, or undefined when the record points outside the results root. */
export function resolveArtifactPath(resultsDir: string, relativePath: string): string | undefined {
  const root = path.resolve(resultsDir);
  const absolute = path.resolve(root, relativePath);
  const inside = path.relative(root, absolute);
  return inside && !inside.startsWith('..') && !path.isAbsolute(inside) ? absolute : undefined;
}

export function downloadRouter(prisma: PrismaClient, resultsDir: string): express.Router {
  const router = express.Router();

  router.get(`${DOWNLOADS_PATH}/artifacts/:id`, async (request, response) => {
    const { id } = request.params;
    const artifact = UUID.test(id) ? await prisma.artifact.findUnique({ where: { id }, include: { content: true } }) : null;
    if (!artifact) return notFound(response, `no artifact ${id}`);
    response.attachment(path.posix.basename(artifact.path));
    response.type(artifact.contentType);
    if (artifact.content) return void response.send(Buffer.from(artifact.content.bytes));
    const file = resolveArtifactPath(resultsDir, artifact.path);
    if (!file || !(await stat(file).then((entry) => entry.isFile(), () => false))) {
      response.removeHeader('Content-Disposition');
      return notFound(response, `the file of artifact ${id} (${artifact.path}) is missing from the results folder`);
    }
    response.sendFile(file, { dotfiles: 'allow' });
  });

  router.get(`${DOWNLOADS_PATH}/studies/:id/:file`, async (request, response) => {
    const { id, file } = request.params;
    const study = UUID.test(id) ? await prisma.study.findUnique({ where: { id } }) : null;
    if (!study) return notFound(response, `no study ${id}`);
    if (file === 'trials.csv') {
      const trials = await prisma.trial.findMany({ where: { studyId: id }, include: { health: true }, orderBy: { number: 'asc' } });
      response.attachment(`${study.name}-trials.csv`).type('text/csv; charset=utf-8').send(trialsCsv(study.directions, trials));
      return;
    }
    const best = study.bestTrialId
      ? await prisma.trial.findUnique({ where: { id: study.bestTrialId }, include: { architecture: true, health: true } })
      : null;
    if (file === 'best_hyperparameters.yaml' && best) {
      const document = bestHyperparametersYaml(
        { name: study.name, config: study.config as unknown as StudyConfig },
        {
          number: best.number,
          params: best.params as SampledParams,
          values: best.values,
          validationAccuracy: (best.userAttrs as Record<string, number>)['validationAccuracy'],
          testAccuracy: (best.userAttrs as Record<string, number>)['testAccuracy'],
          health: best.health ? healthScores(best.health) : null,
        },
      );
      response.attachment('best_hyperparameters.yaml').type('application/yaml; charset=utf-8').send(document);
      return;
    }
    if (file === 'architecture.json' && best?.architecture) {
      const document = { study: study.name, trial: best.number, parameterCount: best.architecture.parameterCount, params: best.params, elements: best.architecture.elements };
      response.attachment('architecture.json').type('application/json; charset=utf-8').send(JSON.stringify(document, null, 2));
      return;
    }
    notFound(response, best ? `study ${id} has no ${file}` : `study ${id} has no completed trial yet`);
  });

  return router;
}
