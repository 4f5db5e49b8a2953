// Runs `prisma generate` offline. Prisma 7's CLI insists on locating its native schema engine even though
// generate never runs it (no download is possible here), so point it at an existing file.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = '/bin/false';
}
execFileSync('npx', ['prisma', 'generate', '--config', 'prisma/prisma.config.ts'], { stdio: 'inherit', env });
