// Files a study produces, under <results dir>/<study name>/ of the machine that made them, each recorded in the
// database with its bytes, so the API serves it by record (never by a path a user sends) whichever machine's
// worker wrote it.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appendEvent } from '../events/append-event.js';
import type { PrismaClient } from '../persistence/generated/prisma/client.js';

export interface NewArtifact {
  studyId: string;
  studyName: string;
  trialId?: string | null;
  kind: string;
  /** Relative to the study's folder, e.g. `final_model.zip` or `trial_3/training_history.png`. */
  fileName: string;
  contentType: string;
  content: Uint8Array | string;
}

export async function writeArtifact(prisma: PrismaClient, resultsDir: string, artifact: NewArtifact): Promise<void> {
  const relativePath = path.posix.join(artifact.studyName, artifact.fileName);
  const file = path.join(resultsDir, relativePath);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, artifact.content);
  const bytes = typeof artifact.content === 'string' ? Buffer.from(artifact.content) : Buffer.from(artifact.content);
  const row = await prisma.artifact.upsert({
    where: { studyId_path: { studyId: artifact.studyId, path: relativePath } },
    create: {
      studyId: artifact.studyId,
      trialId: artifact.trialId ?? null,
      kind: artifact.kind,
      path: relativePath,
      contentType: artifact.contentType,
      sizeBytes: bytes.byteLength,
      content: { create: { bytes } },
    },
    update: {
      sizeBytes: bytes.byteLength,
      createdAt: new Date(),
      content: { upsert: { create: { bytes }, update: { bytes } } },
    },
  });
  await appendEvent(prisma, {
    studyId: artifact.studyId,
    type: 'ARTIFACT_CREATED',
    payload: { artifactId: row.id, kind: row.kind, path: row.path, ...(row.trialId ? { trialId: row.trialId } : {}) },
  });
}
