#!/usr/bin/env node
// npm run bench -- <name> [options]: compiles the benchmarks (tsconfig.bench.json → dist/.bench)
// and runs bench/<name>/index.ts with the options. With no name: lists the benchmarks.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const benchDir = path.join(root, 'bench');
const names = fs
  .readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(benchDir, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  console.log('Usage: npm run bench -- <name> [options]\n\nBenchmarks (bench/<name>/index.ts; results in bench/README.md):');
  for (const n of names) {
    const src = fs.readFileSync(path.join(benchDir, n, 'index.ts'), 'utf8');
    const doc = /\/\*\*\s*\n?\s*\*?\s*([^\n]+)/.exec(src);
    console.log(`  ${n.padEnd(10)} ${doc ? doc[1].trim() : ''}`);
  }
  process.exit(name ? 0 : 1);
}
if (!names.includes(name)) {
  console.error(`No benchmark "${name}". Known: ${names.join(', ')}`);
  process.exit(1);
}

// The Prisma client is generated into src/generated (not committed), then everything is compiled.
execFileSync(process.execPath, [path.join(__dirname, 'prisma-generate.js')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const outDir = path.join(root, 'dist', '.bench');
fs.rmSync(outDir, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.bench.json')], { cwd: root, stdio: 'inherit' });
const entry = path.join(outDir, 'bench', name, 'index.js');
const r = spawnSync(process.execPath, [entry, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' } });
process.exit(r.status ?? 1);
