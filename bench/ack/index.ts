/**
 * Slash-command ack latency: `/followup help` against the real app vs a bare Bolt app.
 *
 *   npm run bench -- ack [--requests 3000] [--levels 1@10,1,8] [--warmup 300] [--rounds 6]
 *
 * A level is a concurrency, optionally paced: `1@10` = one request in flight and at most one
 * started every 10 ms (100 requests/s: each request finds the server done with the previous one's
 * work, as with real Slack traffic); `1` = back to back (closed loop: the next request waits
 * behind whatever the previous one left running after its ack); `8` = eight in flight.
 *
 * Both servers run at once, each in its own process (bench/ack/server.ts), the real one on real
 * PostgreSQL and Redis with the fake Slack Web API in a third process. This process only signs
 * requests and times them: from sending a signed POST /slack/events to reading the whole answer
 * (the ack). Each concurrency level: a warm-up for both, then rounds that alternate the two
 * servers (A B, B A, …) so that drift on the machine hits both alike. Prints p50/p99 for each and
 * the ratios real / bare. The database is BENCH_DATABASE_URL (default
 * postgresql://postgres@127.0.0.1:5432/followup_bench; created and migrated if missing), Redis
 * BENCH_REDIS_URL (default redis://127.0.0.1:6379).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { SIGNING_SECRET } from './shared';
import { prepareDatabase } from '../../test/support/database';

interface Level {
  concurrency: number;
  /** Minimum ms between the starts of two requests of one in-flight slot (0 = back to back). */
  gapMs: number;
  label: string;
}

interface Options {
  requests: number;
  levels: Level[];
  warmup: number;
  rounds: number;
}

function parseLevel(text: string): Level {
  const m = /^(\d+)(?:@(\d+(?:\.\d+)?))?$/.exec(text.trim());
  if (!m) throw new Error(`bad level ${text}: use N or N@ms`);
  const concurrency = Number(m[1]);
  const gapMs = m[2] ? Number(m[2]) : 0;
  const label = gapMs ? `${concurrency} paced, 1 per ${gapMs} ms` : `${concurrency} back to back`;
  return { concurrency, gapMs, label };
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { requests: 3000, levels: ['1@10', '1', '8'].map(parseLevel), warmup: 300, rounds: 6 };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--requests') opts.requests = Number(value);
    else if (flag === '--levels') opts.levels = value.split(',').map(parseLevel);
    else if (flag === '--warmup') opts.warmup = Number(value);
    else if (flag === '--rounds') opts.rounds = Number(value);
    else throw new Error(`unknown option ${flag}`);
    i += 1;
  }
  return opts;
}

const TEAM_ID = 'T0BENCHACK';
const USERS = Array.from({ length: 20 }, (_, i) => `U0BENCH${String(i).padStart(2, '0')}`);


interface Server {
  name: string;
  port: number;
  child: ChildProcess;
}

async function startServer(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<Server> {
  // BENCH_PROFILE=<dir>: V8 CPU profiles of the servers, written there when they stop.
  const prof = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [];
  const child = spawn(process.execPath, [...prof, path.join(__dirname, 'server.js'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it listened`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return { name, port, child };
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

let counter = 0;
function signedHelp(responseBase: string): { body: string; headers: Record<string, string> } {
  counter += 1;
  const user = USERS[counter % USERS.length];
  const body = new URLSearchParams({
    token: 'deprecated',
    team_id: TEAM_ID,
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'bench',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/followup',
    text: 'help',
    api_app_id: 'A0BENCH',
    is_enterprise_install: 'false',
    response_url: `${responseBase}/respond/r${counter}`,
    trigger_id: `${counter}.${crypto.randomBytes(8).toString('hex')}`,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = 'v0=' + crypto.createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
    },
  };
}

/** Sends one signed request and returns the time to the complete answer, in ms. */
function timedRequest(agent: http.Agent, port: number, responseBase: string): Promise<number> {
  const { body, headers } = signedHelp(responseBase);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
        else resolve(ms);
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout after 10 s')));
    req.end(body);
  });
}

/** `total` requests with `concurrency` in flight; latencies appended to `out`. */
async function load(server: Server, total: number, level: Level, responseBase: string, out: number[]): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: level.concurrency });
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next += 1;
      const started = Date.now();
      out.push(await timedRequest(agent, server.port, responseBase));
      const wait = started + level.gapMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  await Promise.all(Array.from({ length: level.concurrency }, worker));
  agent.destroy();
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, max: sorted[sorted.length - 1] };
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup_bench';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  await prepareDatabase(databaseUrl);

  const servers: Server[] = [];
  try {
    const fake = await startServer('fake Slack', ['fake', ...USERS], { BENCH_TEAM_ID: TEAM_ID });
    servers.push(fake);
    const responseBase = `http://127.0.0.1:${fake.port}`;
    const real = await startServer('real app', ['real'], { SLACK_API_URL: `${responseBase}/api/`, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl });
    servers.push(real);
    const bare = await startServer('bare Bolt', ['bare'], {});
    servers.push(bare);

    console.log(`ack benchmark: POST /slack/events "/followup help", node ${process.version}, ${opts.requests} requests per server per level, warm-up ${opts.warmup}, ${opts.rounds} alternating rounds`);
    const results: { level: Level; real: Stats; bare: Stats }[] = [];
    for (const c of opts.levels) {
      await load(real, opts.warmup, c, responseBase, []);
      await load(bare, opts.warmup, c, responseBase, []);
      const samples: Record<'real' | 'bare', number[]> = { real: [], bare: [] };
      const perRound = Math.ceil(opts.requests / opts.rounds);
      for (let r = 0; r < opts.rounds; r += 1) {
        const order: ['real' | 'bare', Server][] = r % 2 === 0 ? [['real', real], ['bare', bare]] : [['bare', bare], ['real', real]];
        for (const [name, server] of order) await load(server, perRound, c, responseBase, samples[name]);
      }
      results.push({ level: c, real: stats(samples.real), bare: stats(samples.bare) });
    }

    console.log('');
    console.log('| requests in flight | server | n | p50 | p99 | mean | max |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of results) {
      for (const name of ['real', 'bare'] as const) {
        const s = r[name];
        console.log(`| ${r.level.label} | ${name === 'real' ? 'real app' : 'bare Bolt'} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.mean)} | ${fmt(s.max)} |`);
      }
    }
    console.log('');
    let ok = true;
    for (const r of results) {
      const p50 = r.real.p50 / r.bare.p50;
      const p99 = r.real.p99 / r.bare.p99;
      const pass = p50 <= 1.3 && p99 <= 1.5 && r.real.p99 < 3000;
      ok &&= pass;
      console.log(`${r.level.label}: ratio real/bare p50 ${p50.toFixed(2)} (goal ≤ 1.3), p99 ${p99.toFixed(2)} (goal ≤ 1.5); real p99 ${fmt(r.real.p99)} (goal well under 3000 ms) — ${pass ? 'goal met' : 'GOAL MISSED'}`);
    }
    process.exitCode = ok ? 0 : 2;
  } finally {
    for (const s of servers.reverse()) await stopServer(s);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
