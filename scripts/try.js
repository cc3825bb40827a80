#!/usr/bin/env node
// `npm run try`: the local trial workspace without Docker, on PostgreSQL and Redis on localhost (as
// for the tests). Creates the database if it is missing, applies the migrations (`npm run
// db:migrate`), builds the app and its page when a source is newer than the build, then starts it
// in local mode (not connected to Slack) on http://localhost:3000 (PORT).
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

const root = path.join(__dirname, '..');
const env = {
  ...process.env,
  LOCAL_WORKSPACE: 'true',
  DATABASE_URL: process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/followup_local',
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
};

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
}

async function ensureDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    process.stderr.write(`Cannot reach PostgreSQL at ${admin.host} (${err.message}). Start it, or set DATABASE_URL.\n`);
    process.exit(1);
  }
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      process.stdout.write(`Created the database ${name}.\n`);
    }
  } finally {
    await client.end();
  }
}

async function main() {
  await ensureDatabase(env.DATABASE_URL);
  execFileSync(process.execPath, [path.join(root, 'scripts', 'migrate.mjs'), 'deploy'], { cwd: root, env, stdio: 'inherit' });
  const built = path.join(root, 'dist', 'src', 'main.js');
  const page = path.join(root, 'dist', 'local', 'page', 'index.html');
  const stamp = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
  const sources = Math.max(...['src', 'workflows', 'prisma'].map((d) => newest(path.join(root, d))));
  if (stamp(built) < sources || stamp(page) < sources) {
    process.stdout.write('Building the app and its page (npm run build)…\n');
    execFileSync('npm', ['run', 'build'], { cwd: root, env, stdio: 'inherit' });
  }
  const child = spawn(process.execPath, [built], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  process.stderr.write(`npm run try failed: ${err.message}\n`);
  process.exit(1);
});
