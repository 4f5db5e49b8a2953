// Prisma CLI configuration. The server never uses the CLI at run time; this serves `prisma generate`
// and, on machines that have Prisma's native engine, `prisma migrate deploy`.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/hyperscope' },
});
