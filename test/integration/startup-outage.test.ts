import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { shippedMigrations } from '../../src/data/migrations';
import { FakeSlack, randomId, visibleText } from '../support/harness';
import { postSigned, SIGNING_SECRET } from '../support/signing';

/** The real entry point (src/main.ts) started as a process: Redis down at boot, an unmigrated database, logs. */
const root = path.join(__dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

interface Started {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Started {
  const preload = ['--require', path.join(root, 'test', 'support', 'rejectOnSignal.js')];
  const proc = spawn(process.execPath, [...preload, '--require', path.join(root, 'scripts', 'ts-register.js'), path.join(root, 'src', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, out: () => out, err: () => err, exited };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function stop(s: Started): Promise<number | null> {
  if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGTERM');
  return s.exited;
}

describe('starting the app', () => {
  const slack = new FakeSlack();
  beforeAll(async () => {
    await slack.start();
  });
  afterAll(async () => {
    await slack.stop();
  });

  it('with Redis down at boot, the web receiver starts, is alive but not ready, and answers a command; with LOG_LEVEL=debug no request body is logged, and an unhandled rejection is logged as JSON', async () => {
    const port = await freePort();
    const teamId = slack.teamId; // single-workspace mode answers only the bot token's own workspace
    const app = startMain({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      REDIS_URL: 'redis://127.0.0.1:1',
      PORT: String(port),
      LOG_LEVEL: 'debug',
      DEFAULT_LOCALE: 'en',
      QUEUE_PREFIX: randomId('q', 10),
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitUntil(async () => (await fetch(`${base}/livez`)).status === 200, 20000, '/livez');
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ok: false, checks: { postgres: true, redis: false } });
      expect((await fetch(`${base}/healthz`)).status).toBe(503);

      const user = randomId('U');
      slack.addUser({ id: user, team_id: teamId, locale: 'nb-NO' });
      const params = new URLSearchParams({
        token: 'x', team_id: teamId, team_domain: 'fake', channel_id: 'C0GENERAL', channel_name: 'general', user_id: user, user_name: 'x',
        command: '/followup', text: 'plan', api_app_id: 'A0FAKE', response_url: slack.responseUrl('boot1'), trigger_id: slack.issueTrigger(user),
      });
      const t0 = Date.now();
      const res = await postSigned(`${base}/slack/events`, params.toString(), 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
      await slack.waitFor(() => slack.callsOf('views.open').length + slack.responses.length > 0, 3000, 'an answer');
      expect(Date.now() - t0).toBeLessThan(3000);
      const shown = slack.callsOf('views.open').map((c) => visibleText(c.args.view)).join('\n') + slack.responses.map((r) => String(r.body.text)).join('\n');
      expect(shown.length).toBeGreaterThan(0);
      // The logs are JSON lines, and none carries what was sent to or received from Slack.
      await new Promise((r) => setTimeout(r, 300));
      const lines = app.out().trim().split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      const firstWords = shown.split('\n').filter((l) => l.length > 12).slice(0, 3);
      for (const words of firstWords) expect(app.out()).not.toContain(words);
      expect(app.out()).not.toContain(slack.token);

      // A promise rejection nobody handles goes through the logger, as JSON.
      app.proc.kill('SIGUSR2');
      await waitUntil(async () => app.out().includes('unhandled promise rejection'), 5000, 'the rejection in the log');
      const logged = app.out().trim().split('\n').map((l) => JSON.parse(l) as { msg?: string; level?: number; err?: { message?: string } }).find((l) => l.msg === 'unhandled promise rejection');
      expect(logged).toMatchObject({ level: 50, err: { message: 'a rejection nobody handled (test)' } });
      expect((await fetch(`${base}/livez`)).status).toBe(200);
    } finally {
      await stop(app);
    }
  }, 40000);

  describe('on a database without the migrations', () => {
    const name = `followup_trust_fresh_${process.pid}`;
    const admin = () => {
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = '/postgres';
      return new Client({ connectionString: u.toString() });
    };
    const freshUrl = () => {
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = `/${name}`;
      return u.toString();
    };
    beforeAll(async () => {
      const c = admin();
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
    });
    afterAll(async () => {
      const c = admin();
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });

    const env = (extra: Record<string, string> = {}) => ({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: freshUrl(),
      REDIS_URL: process.env.TEST_REDIS_URL!,
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: randomId('q', 10),
      ...extra,
    });

    it('stops with one clear line when migrations are pending', async () => {
      const app = startMain({ ...env(), PORT: String(await freePort()) });
      const code = await app.exited;
      expect(code).toBe(1);
      const lines = app.err().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^The database has \d+ pending migration\(s\) \(.+\): run `npm run db:migrate` or start with MIGRATE_ON_START=true\.$/);
    }, 30000);

    it('applies them and starts when MIGRATE_ON_START=true', async () => {
      const port = await freePort();
      const app = startMain({ ...env({ MIGRATE_ON_START: 'true' }), PORT: String(port) });
      try {
        await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200, 60000, '/readyz');
        const c = new Client({ connectionString: freshUrl() });
        await c.connect();
        const rows = await c.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name');
        await c.end();
        expect(rows.rows.map((r: { migration_name: string }) => r.migration_name)).toEqual(shippedMigrations());
      } finally {
        await stop(app);
      }
    }, 90000);
  });
});
