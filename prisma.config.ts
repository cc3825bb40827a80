import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma 7: the datasource URL lives here, not in the schema. Nothing loads .env by itself.
export default defineConfig({
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'prisma', 'migrations') },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup' },
});
