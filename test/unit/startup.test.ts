import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The real entry point, as `npm start` runs it: a bad environment stops the process before it
 * touches anything, with one line per problem, a non-zero exit and no stack trace.
 * Runs the compiled build (CI builds before testing); builds it first when it is missing or older
 * than the sources this test is about.
 */
const root = path.join(__dirname, '..', '..');
const main = path.join(root, 'dist', 'src', 'main.js');

function ensureBuilt(): void {
  const sources = ['src/main.ts', 'src/config.ts'].map((f) => statSync(path.join(root, f)).mtimeMs);
  if (existsSync(main) && statSync(main).mtimeMs >= Math.max(...sources) && existsSync(path.join(root, 'dist', 'src', 'config.js'))) return;
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

function start(env: Record<string, string>, args: string[] = []) {
  // Only what we pass: nothing from the developer's shell leaks in.
  return spawnSync(process.execPath, [main, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$|^\s+at /m);

beforeAll(() => ensureBuilt(), 120_000);

test('an empty environment (the local trial, which still needs its storage): exit 1, one line per missing variable, no stack trace', () => {
  const r = start({});
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toEqual([
    'Configuration is not valid; the app cannot start:',
    '  DATABASE_URL is required (postgresql://user:password@host:5432/db)',
    '  REDIS_URL is required (redis://host:6379), unless Redis is reached through Sentinel (REDIS_SENTINELS and REDIS_SENTINEL_MASTER) or is a cluster (REDIS_CLUSTER_NODES)',
    'See .env.example and the configuration table in README.md.',
  ]);
  noStackTrace(r.stderr);
});

test('one Slack credential set: the real app, every other required one named', () => {
  const r = start({ SLACK_BOT_TOKEN: 'xoxb-1', DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1' });
  expect(r.status).toBe(1);
  expect(r.stderr.trimEnd().split('\n')).toEqual([
    'Configuration is not valid; the app cannot start:',
    '  SLACK_SIGNING_SECRET is required (Basic Information → Signing Secret)',
    'See .env.example and the configuration table in README.md.',
  ]);
  noStackTrace(r.stderr);
});

test('invalid values: each named on its own line, and the secret is not printed', () => {
  const r = start({
    SLACK_SIGNING_SECRET: 's',
    SLACK_BOT_TOKEN: 'xoxp-my-user-token-secret',
    DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none',
    REDIS_URL: 'redis://127.0.0.1:1',
    PORT: 'eighty',
    DEFAULT_TIMEZONE: 'Oslo',
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('  SLACK_BOT_TOKEN must be a bot token starting with xoxb-\n');
  expect(r.stderr).toContain('  PORT must be a port number (0-65535)\n');
  expect(r.stderr).toContain('  DEFAULT_TIMEZONE must be an IANA time zone such as Europe/Oslo\n');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(5);
  expect(r.stderr).not.toContain('my-user-token-secret');
  noStackTrace(r.stderr);
});

test('an unknown mode: exit 1 with one line', () => {
  const r = start({}, ['webb']);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe('Unknown mode "webb": use web, worker, or nothing for both.\n');
});
