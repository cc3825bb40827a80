#!/usr/bin/env node
// npm run bench -- <name> [options]   runs the benchmark bench/<name>; with no name, lists them.
//  - bench/<name>/index.ts: compiled with tsconfig.bench.json into dist/.bench, then run with node
//    (options passed on);
//  - bench/<name>/*.bench.ts: run by jest with bench/jest.config.js (settings via environment).
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const benchDir = path.join(root, 'bench');

function kind(name) {
  const dir = path.join(benchDir, name);
  if (fs.existsSync(path.join(dir, 'index.ts'))) return 'node';
  if (fs.readdirSync(dir).some((f) => f.endsWith('.bench.ts'))) return 'jest';
  return null;
}

function summary(name) {
  const dir = path.join(benchDir, name);
  const file = kind(name) === 'node' ? 'index.ts' : fs.readdirSync(dir).find((f) => f.endsWith('.bench.ts'));
  const src = fs.readFileSync(path.join(dir, file), 'utf8');
  const doc = /\/\*\*\s*\n?\s*\*?\s*([^\n]+)/.exec(src);
  return doc ? doc[1].trim() : '';
}

const names = fs
  .readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && kind(d.name))
  .map((d) => d.name)
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  console.log('Usage: npm run bench -- <name> [options]\n\nBenchmarks (bench/<name>/; results in bench/README.md):');
  for (const n of names) console.log(`  ${n.padEnd(10)} ${summary(n)}`);
  process.exit(0);
}
if (!names.includes(name)) {
  console.error(`No benchmark "${name}". Known: ${names.join(', ')}`);
  process.exit(1);
}

// The Prisma client is generated into src/generated (not committed).
execFileSync(process.execPath, [path.join(__dirname, 'prisma-generate.js')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

let r;
if (kind(name) === 'jest') {
  const jest = require.resolve('jest/bin/jest');
  r = spawnSync(process.execPath, [jest, '-c', path.join(benchDir, 'jest.config.js'), path.join('bench', name), ...args], { cwd: root, stdio: 'inherit' });
} else {
  const outDir = path.join(root, 'dist', '.bench');
  fs.rmSync(outDir, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.bench.json')], { cwd: root, stdio: 'inherit' });
  const entry = path.join(outDir, 'bench', name, 'index.js');
  // BENCH_NODE_FLAGS: node flags for the benchmark process only (not the compiler), e.g. --max-old-space-size=256.
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  r = spawnSync(process.execPath, [...flags, entry, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' } });
}
process.exit(r.status ?? 1);
