import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Creates the test database if it is missing and applies every migration with the same command
 * users run (npm run db:migrate). Tests isolate themselves by team id and queue prefix.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup_test';
  const target = new URL(url);
  const dbName = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
  await client.end();
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'migrate.mjs'), 'deploy'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'inherit',
  });
}
