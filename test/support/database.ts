import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/** The repository: the nearest folder at or above `from` that holds scripts/migrate.mjs. */
export function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'scripts', 'migrate.mjs'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
}

/**
 * Creates the database of `url` if it is missing and applies every migration with the command
 * users run (`npm run db:migrate`). Used by the tests' global setup and by the benchmarks.
 */
export async function prepareDatabase(url: string, root = findRoot(__dirname)): Promise<void> {
  const dbName = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  execFileSync(process.execPath, [path.join(root, 'scripts', 'migrate.mjs'), 'deploy'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' });
}
