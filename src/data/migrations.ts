import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PrismaClient } from './prisma';

/** The project root: the nearest folder above this file holding prisma/migrations (src/ or dist/src/). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'prisma', 'migrations'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('prisma/migrations not found above ' + from);
}

/** Migration folders shipped with the app, oldest first. */
export function shippedMigrations(root = projectRoot()): string[] {
  const dir = path.join(root, 'prisma', 'migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/** Migrations shipped but not applied to the database (all of them on an empty database). */
export async function pendingMigrations(prisma: PrismaClient, root = projectRoot()): Promise<string[]> {
  const shipped = shippedMigrations(root);
  const table = await prisma.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS "exists"`;
  if (!table[0]?.exists) return shipped;
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.migration_name));
  return shipped.filter((m) => !applied.has(m));
}

/** Applies pending migrations with scripts/migrate.mjs (the same engine as `npm run db:migrate`). */
export async function applyMigrations(databaseUrl: string, root = projectRoot()): Promise<string> {
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, [path.join(root, 'scripts', 'migrate.mjs'), 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, DIRECT_DATABASE_URL: databaseUrl },
    timeout: 120_000,
  });
  return stdout.trim();
}
