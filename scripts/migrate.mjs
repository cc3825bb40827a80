#!/usr/bin/env node
// Applies and authors Prisma migrations without Prisma's native schema engine, which the CLI
// downloads from the network on first use. @prisma/schema-engine-wasm is the same engine compiled
// to WebAssembly: applyMigrations writes the same `_prisma_migrations` rows (same checksums) as
// `prisma migrate deploy`, so the folder stays valid for the native CLI wherever it is available.
//
//   node scripts/migrate.mjs deploy            apply pending prisma/migrations/* to DIRECT_DATABASE_URL or DATABASE_URL
//   node scripts/migrate.mjs create <name>     write prisma/migrations/<ts>_<name>/migration.sql
//                                              from the schema as of the last migration to now
//   node scripts/migrate.mjs check             exit 1 if the schema has changes no migration holds
import { readFile, readdir, writeFile, mkdir, copyFile, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaDir = path.join(root, 'prisma');
const migrationsDir = path.join(prismaDir, 'migrations');
const schemaPath = path.join(prismaDir, 'schema.prisma');
// A copy of the schema as of the newest migration: `create` diffs it to the current schema
// (diffing from the migrations history needs a shadow database, which the wasm engine mishandles).
const snapshotPath = path.join(migrationsDir, 'schema.snapshot.prisma');
const lockPath = path.join(migrationsDir, 'migration_lock.toml');

async function loadEngine() {
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const glue = await import(path.join(pkgDir, 'schema_engine_bg.js'));
  const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  if (typeof instance.exports.__wbindgen_start === 'function') instance.exports.__wbindgen_start();
  return glue;
}

// Behind PgBouncer (transaction pooling) migrations go straight to PostgreSQL: the engine holds a
// session-level advisory lock, which a transaction pooler cannot keep on one server connection.
function connectionString() {
  const url = process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL (or DIRECT_DATABASE_URL) is not set: it must name the PostgreSQL database to migrate.');
    process.exit(1);
  }
  return url;
}

async function newEngine(schemaText) {
  const glue = await loadEngine();
  const { PrismaPg } = require('@prisma/adapter-pg');
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
  const url = process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL || 'postgresql://localhost/unused';
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  const log = (msg) => {
    if (process.env.MIGRATE_DEBUG) console.error(msg);
  };
  return glue.SchemaEngine.new({ datamodels: [['schema.prisma', schemaText]] }, log, adapter);
}

async function migrationList() {
  let names = [];
  try {
    names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    names = [];
  }
  const migrationDirectories = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    let content;
    try {
      content = { tag: 'ok', value: await readFile(file, 'utf8') };
    } catch (e) {
      content = { tag: 'error', value: String(e) };
    }
    migrationDirectories.push({ path: name, migrationFile: { path: 'migration.sql', content } });
  }
  let lockContent = null;
  try {
    lockContent = await readFile(lockPath, 'utf8');
  } catch {
    lockContent = null;
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

const filters = { externalTables: [], externalEnums: [] };

function describe(err) {
  if (err && typeof err === 'object' && 'message' in err) return String(err.message);
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}

async function deploy() {
  connectionString();
  const schema = await readFile(schemaPath, 'utf8');
  const engine = await newEngine(schema);
  const list = await migrationList();
  const out = await engine.applyMigrations({ migrationsList: list, filters });
  if (out.appliedMigrationNames.length === 0) console.log('No pending migrations.');
  for (const name of out.appliedMigrationNames) console.log(`Applied migration ${name}`);
  engine.free();
}

async function diffSql() {
  const schema = await readFile(schemaPath, 'utf8');
  let from = { tag: 'empty' };
  try {
    await access(snapshotPath);
    const previous = await readFile(snapshotPath, 'utf8');
    from = { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: previous }] };
  } catch {
    from = { tag: 'empty' };
  }
  const engine = await newEngine(schema);
  const to = { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] };
  // The engine prints the script through its log callback's stdout in the CLI; capture it here.
  const chunks = [];
  const origWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  let result;
  try {
    result = await engine.diff({ from, to, script: true, exitCode: null, filters });
  } finally {
    process.stdout.write = origWrite;
  }
  engine.free();
  const sql = (result && result.stdout) || chunks.join('');
  return sql;
}

function isEmptyDiff(sql) {
  return sql.trim() === '' || /^--\s*This is an empty migration\.?\s*$/m.test(sql.trim());
}

async function create(name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('Usage: npm run db:migration -- <name>   (lower case letters, digits and _)');
    process.exit(1);
  }
  const sql = await diffSql();
  if (isEmptyDiff(sql)) {
    console.log('The schema has no changes since the last migration; nothing written.');
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql.endsWith('\n') ? sql : sql + '\n');
  await copyFile(schemaPath, snapshotPath);
  try {
    await access(lockPath);
  } catch {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
}

async function check() {
  const sql = await diffSql();
  if (!isEmptyDiff(sql)) {
    console.error('prisma/schema.prisma has changes that no migration holds. Run: npm run db:migration -- <name>');
    console.error(sql);
    process.exit(1);
  }
  console.log('Migrations match the schema.');
}

const [cmd, arg] = process.argv.slice(2);
const run = { deploy, create: () => create(arg), check }[cmd ?? 'deploy'];
if (!run) {
  console.error('Usage: node scripts/migrate.mjs deploy | create <name> | check');
  process.exit(1);
}
run().then(() => process.exit(0), (err) => {
  console.error(`Migration failed: ${describe(err)}`);
  process.exit(1);
});
