// Bundles the local workspace's browser page (src/local/page) into dist/local/page/ with esbuild:
// TypeScript to one ES module (app.js) for the browser, plus index.html and page.css copied as they are.
//   node scripts/build-page.js            (npm run build runs it after tsc)
//   require('./scripts/build-page').buildPage({ outdir })   (tests and the local workspace)
const path = require('node:path');
const fs = require('node:fs');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src/local/page');
const DEFAULT_OUT = path.join(ROOT, 'dist/local/page');

async function buildPage({ outdir = DEFAULT_OUT, minify = false } = {}) {
  const esbuild = require('esbuild');
  fs.mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(SRC, 'main.ts')],
    bundle: true,
    format: 'esm',
    target: ['es2022'],
    platform: 'browser',
    outfile: path.join(outdir, 'app.js'),
    sourcemap: true,
    minify,
    logLevel: 'warning',
    tsconfig: path.join(SRC, 'tsconfig.json'),
  });
  for (const f of ['index.html', 'page.css']) fs.copyFileSync(path.join(SRC, f), path.join(outdir, f));
  return outdir;
}

module.exports = { buildPage, DEFAULT_OUT };

if (require.main === module) {
  buildPage({ minify: process.argv.includes('--minify') }).then(
    (dir) => console.log(`page built into ${path.relative(ROOT, dir)}/`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
