/**
 * chaos — a fan-out of N reminders due at one instant while a server fails under it; each fault is
 * run on servers of its own (test/support/servers.ts: own ports on 127.0.0.1, temp dirs, stopped
 * at the end), never on the machine's PostgreSQL or Redis.
 *
 *   npm run bench -- chaos [--people 2000] [--faults sentinel,cluster,pg-restart,redis-aof,redis-flush]
 *
 * Faults (each once the fan-out is a third done):
 *   sentinel     the Redis primary SIGKILLed; three sentinels promote the replica
 *   cluster      a primary of a 3-primary + 3-replica Redis Cluster SIGKILLed; its replica promoted
 *   pg-restart   a PostgreSQL of our own (initdb) restarted with `pg_ctl restart -m fast` (what
 *                `pg_ctlcluster … restart` does); no process of the app restarted
 *   redis-aof    a Redis with appendonly yes (compose's setting) restarted (SIGTERM, start again)
 *   redis-flush  a Redis with nothing kept (appendonly no, no RDB) restarted empty: every job lost;
 *                the producer's "Redis is back" quick reconcile restores them from PostgreSQL
 *   worker-kills three worker processes (test/support/workerChild.ts), one SIGKILLed every 2 s and
 *                started again, against the same three never killed: throughput of each
 * Printed per fault: delivered, duplicates, missing, the longest pause between two posts after the
 * fault, the time from the fault to the last post, and the request path's queue calls meanwhile
 * (a producer-connection add every 200 ms: the slowest answer and how many failed fast).
 *
 * The workers run in this process with the app's tuning but a posting budget that never binds
 * (bench/ceiling measures Slack's limits; at 525 posts/min 10,000 take 19 minutes). Database:
 * BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/followup_bench), except
 * pg-restart, which uses its own PostgreSQL.
 */
import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import type { RedisTarget } from '../../src/config';
import { createPrisma, WORKER_POOL } from '../../src/data/prisma';
import { DEFAULT_PACING } from '../../src/jobs/pacer';
import { createQueues, producerConnection, reconcileWhenRedisReturns } from '../../src/jobs/queues';
import { redisConnection } from '../../src/jobs/redis';
import { createLogger } from '../../src/logger';
import { ShiftedClock } from '../../src/time/clock';
import { startWorkers, workerPoolSize } from '../../workflows';
import { findRoot, prepareDatabase } from '../../test/support/database';
import { FakeSlack } from '../../src/local/slackApi';
import { deleteQueueKeys } from '../../test/support/queueKeys';
import { freePort, redisCall, startPostgres, startRedisCluster, startSentinelSet } from '../../test/support/servers';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedReal } from '../seed';
import { benchConfig, DELIVERIES_ONLY } from '../workers';

const FAULTS = ['sentinel', 'cluster', 'pg-restart', 'redis-aof', 'redis-flush', 'worker-kills'] as const;
type Fault = (typeof FAULTS)[number];

interface Options {
  people: number;
  faults: Fault[];
  concurrency: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { people: 2000, faults: [...FAULTS], concurrency: 32 };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--people') opts.people = Number(v);
    else if (k === '--concurrency') opts.concurrency = Number(v);
    else if (k === '--faults') opts.faults = v.split(',').map((f) => f.trim()) as Fault[];
    else throw new Error(`unknown option ${k}`);
  }
  for (const f of opts.faults) if (!FAULTS.includes(f)) throw new Error(`unknown fault ${f} (${FAULTS.join(', ')})`);
  return opts;
}

/** A plain redis-server of our own (AOF on or nothing kept) that can be restarted on the same port and dir. */
async function plainRedis(appendonly: boolean) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'followup-chaos-redis-'));
  const port = await freePort();
  let proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', appendonly ? 'yes' : 'no', '--appendfsync', 'everysec'], { stdio: 'ignore' });
  const up = async () => {
    for (let i = 0; i < 100; i++) {
      if ((await redisCall(port, 'PING').catch(() => null)) === 'PONG') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('redis did not start');
  };
  await up();
  const kill = () => proc.kill('SIGKILL');
  process.on('exit', kill);
  return {
    target: { mode: 'standalone', url: `redis://127.0.0.1:${port}` } as RedisTarget,
    async restart() {
      const gone = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await gone;
      proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', appendonly ? 'yes' : 'no'], { stdio: 'ignore' });
      await up();
    },
    async stop() {
      proc.kill('SIGKILL');
      process.off('exit', kill);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Setup {
  redis: RedisTarget;
  databaseUrl: string;
  /** Breaks something and returns once it is back (or promoted). */
  fault(): Promise<void>;
  stop(): Promise<void>;
}

async function setUp(fault: Fault, benchDb: string): Promise<Setup> {
  if (fault === 'sentinel') {
    const set = await startSentinelSet({ downAfterMs: 1000 });
    return {
      redis: { mode: 'sentinel', sentinels: set.sentinels, masterName: set.masterName },
      databaseUrl: benchDb,
      fault: async () => void (await set.waitForFailover(await set.killPrimary())),
      stop: () => set.stop(),
    };
  }
  if (fault === 'cluster') {
    const c = await startRedisCluster({ primaries: 3, replicas: 1, nodeTimeoutMs: 2000 });
    return { redis: { mode: 'cluster', nodes: c.nodes }, databaseUrl: benchDb, fault: async () => c.waitHealthy(await c.killPrimary()), stop: () => c.stop() };
  }
  if (fault === 'pg-restart') {
    const pg = await startPostgres();
    const url = pg.url('followup_chaos');
    await prepareDatabase(url);
    const r = await plainRedis(false);
    return { redis: r.target, databaseUrl: url, fault: () => pg.restart(), stop: async () => (await r.stop(), await pg.stop()) };
  }
  const r = await plainRedis(fault === 'redis-aof');
  return { redis: r.target, databaseUrl: benchDb, fault: () => r.restart(), stop: () => r.stop() };
}

interface Row {
  fault: Fault;
  delivered: number;
  duplicates: number;
  missing: number;
  faultMs: number;
  pauseMs: number;
  lastAfterFaultMs: number;
  spanMs: number;
  producerMaxMs: number;
  producerFailed: number;
  producerCalls: number;
}

async function runFault(fault: Fault, opts: Options, slack: FakeSlack, benchDb: string): Promise<Row> {
  process.stdout.write(`\n${fault}: starting servers…\n`);
  const setup = await setUp(fault, benchDb);
  const prefix = `chaos${crypto.randomBytes(4).toString('hex')}`;
  const workspaceId = `TC${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  const prisma = createPrisma(setup.databaseUrl, { ...WORKER_POOL, max: workerPoolSize({ concurrency: opts.concurrency }) });
  const redis = redisConnection(setup.redis, 'worker');
  const producer = producerConnection(setup.redis);
  const producerQueues = createQueues(producer, { prefix });
  try {
    const day = '2027-04-06';
    const dueAt = DateTime.fromISO(`${day}T09:00:00`, { zone: 'Europe/Oslo' });
    const seeder = createPrisma(setup.databaseUrl, { max: 2 });
    process.stdout.write(`  seeding ${opts.people} reminders…\n`);
    const keys = await seedReal(seeder, workspaceId, opts.people, day, dueAt.toJSDate());
    await seeder.$disconnect();
    const dueRealMs = Math.ceil((Date.now() + 6000) / 1000) * 1000;
    const clock = new ShiftedClock(dueAt.minus({ milliseconds: dueRealMs - Date.now() }));
    const workers = await startWorkers({
      config: benchConfig({ token: slack.token, apiUrl: slack.apiUrl }, setup.databaseUrl, 'redis://unused', prefix),
      prisma,
      redis,
      clock,
      logger: createLogger('silent'),
      tuning: {
        ...DELIVERIES_ONLY,
        concurrency: opts.concurrency,
        workspaces: [workspaceId],
        // Short locks, as in the tests: a job whose worker lost Redis mid-way comes back in seconds.
        lockDurationMs: 5000,
        stalledIntervalMs: 2000,
        backoffMs: 500,
        attempts: 30,
        pacing: { ...DEFAULT_PACING, postsPerMinute: 1e9, burst: 1e9, perChannelPerSecond: 1e6, channelBurst: 1e6 },
      },
    });
    // As main.ts wires the web side: when the producer's connection returns, a quick reconcile.
    reconcileWhenRedisReturns(producer, producerQueues);
    for (let start = 0; start < keys.length; start += 1000) {
      await workers.queues.reminders.addBulk(keys.slice(start, start + 1000).map((key) => ({ name: 'reminder', data: { key, workspaceId, recipientId: key.split('-')[2] }, opts: { jobId: key, delay: Math.max(0, dueRealMs - Date.now()) } })));
    }
    const posts = () => slack.callsOf('chat.postMessage').filter((c) => c.ts);
    while (slack.calls.length < opts.people / 3) await new Promise((r) => setTimeout(r, 20));

    // The request path meanwhile: one queue call every 200 ms on the producer connection.
    let probing = true;
    const latencies: number[] = [];
    let failed = 0;
    const errors = new Set<string>();
    const probe = (async () => {
      for (let i = 0; probing; i++) {
        const t0 = Date.now();
        await producerQueues.maintenance
          .add('probe', { task: 'probe' }, { jobId: `probe-${i}`, delay: 3_600_000, removeOnComplete: true })
          .catch((err: Error) => {
            failed++;
            errors.add(err.message);
          });
        latencies.push(Date.now() - t0);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const faultAt = Date.now();
    process.stdout.write(`  fault at ${posts().length}/${opts.people} posted\n`);
    await setup.fault();
    const faultMs = Date.now() - faultAt;
    const end = Date.now() + 300_000;
    const expectedChannels = keys.map((k) => `DL${k.split('-')[2].slice(workspaceId.length + 1)}`);
    const seen = () => new Set(posts().map((c) => String(c.args.channel)));
    while (seen().size < opts.people && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    probing = false;
    await probe;
    // A little longer: a duplicate would show up now.
    await new Promise((r) => setTimeout(r, 3000));
    const all = posts();
    const per = new Map<string, number>();
    for (const c of all) per.set(String(c.args.channel), (per.get(String(c.args.channel)) ?? 0) + 1);
    const times = [faultAt, ...all.map((c) => c.at).filter((t) => t > faultAt)].sort((a, b) => a - b);
    const row: Row = {
      fault,
      delivered: per.size,
      duplicates: [...per.values()].reduce((n, v) => n + v - 1, 0),
      missing: expectedChannels.filter((ch) => !per.has(ch)).length,
      faultMs,
      pauseMs: Math.max(0, ...times.slice(1).map((t, i) => t - times[i])),
      lastAfterFaultMs: times[times.length - 1] - faultAt,
      spanMs: Math.max(...all.map((c) => c.at)) - dueRealMs,
      producerMaxMs: Math.max(0, ...latencies),
      producerFailed: failed,
      producerCalls: latencies.length,
    };
    process.stdout.write(`  ${JSON.stringify(row)}${errors.size ? `; the request path's failures: ${[...errors].join(' | ')}` : ''}\n`);
    await workers.close();
    await deleteQueueKeys(redis, prefix).catch(() => undefined);
    await prisma.reminder.deleteMany({ where: { workspaceId } });
    await prisma.delivery.deleteMany({ where: { workspaceId } });
    await prisma.workspace.delete({ where: { id: workspaceId } });
    return row;
  } finally {
    await producerQueues.close().catch(() => undefined);
    producer.disconnect();
    redis.disconnect();
    await prisma.$disconnect();
    await setup.stop();
  }
}

/** Three worker processes on one Redis; with `kills`, one is SIGKILLed every 2 s and started again. */
async function runWorkerKills(opts: Options, slack: FakeSlack, benchDb: string): Promise<{ plain: number; killed: number; kills: number; duplicates: number; missing: number }> {
  const r = await plainRedis(false);
  const root = findRoot(__dirname);
  const redis = redisConnection(r.target, 'worker');
  const prisma = createPrisma(benchDb, { max: 4 });
  try {
    const once = async (kills: boolean) => {
      slack.reset();
      const prefix = `chaos${crypto.randomBytes(4).toString('hex')}`;
      const workspaceId = `TC${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
      const day = '2027-04-06';
      const dueAt = DateTime.fromISO(`${day}T09:00:00`, { zone: 'Europe/Oslo' });
      const keys = await seedReal(prisma, workspaceId, opts.people, day, dueAt.toJSDate());
      const dueRealMs = Math.ceil((Date.now() + 25_000) / 1000) * 1000;
      const offset = dueAt.toMillis() - dueRealMs;
      const env = {
        ...process.env,
        TEST_DATABASE_URL: benchDb,
        CHILD_BOT_TOKEN: slack.token,
        CHILD_SLACK_API_URL: slack.apiUrl,
        CHILD_REDIS: JSON.stringify(r.target),
        CHILD_QUEUE_PREFIX: prefix,
        CHILD_TEAM_ID: workspaceId,
        CHILD_CLOCK_OFFSET_MS: String(offset),
        CHILD_TUNING: JSON.stringify({ ...DELIVERIES_ONLY, concurrency: opts.concurrency, pacing: { ...DEFAULT_PACING, postsPerMinute: 1e9, burst: 1e9, perChannelPerSecond: 1e6, channelBurst: 1e6 } }),
      };
      const start = () => {
        const child = spawn(process.execPath, ['--require', path.join(root, 'scripts', 'ts-register.js'), path.join(root, 'test', 'support', 'workerChild.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'ignore'] });
        const kill = () => child.kill('SIGKILL');
        process.on('exit', kill);
        child.on('exit', () => process.off('exit', kill));
        const ready = new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
        return { child, ready };
      };
      const procs = [start(), start(), start()];
      await Promise.all(procs.map((p) => p.ready));
      const queues = createQueues(redis, { prefix });
      for (let i = 0; i < keys.length; i += 1000) {
        await queues.reminders.addBulk(keys.slice(i, i + 1000).map((key) => ({ name: 'reminder', data: { key, workspaceId, recipientId: key.split('-')[2] }, opts: { jobId: key, delay: Math.max(0, dueRealMs - Date.now()) } })));
      }
      while (Date.now() < dueRealMs) await new Promise((res) => setTimeout(res, 50));
      let killCount = 0;
      const killer = kills
        ? setInterval(() => {
            const i = killCount++ % procs.length;
            procs[i].child.kill('SIGKILL');
            procs[i] = start();
          }, 2000)
        : null;
      const seen = () => new Set(slack.callsOf('chat.postMessage').filter((c) => c.ts).map((c) => String(c.args.channel)));
      const end = Date.now() + 600_000;
      while (seen().size < opts.people && Date.now() < end) await new Promise((res) => setTimeout(res, 200));
      if (killer) clearInterval(killer);
      await new Promise((res) => setTimeout(res, 5000));
      const posts = slack.callsOf('chat.postMessage').filter((c) => c.ts);
      const per = new Map<string, number>();
      for (const c of posts) per.set(String(c.args.channel), (per.get(String(c.args.channel)) ?? 0) + 1);
      const span = (Math.max(...posts.map((c) => c.at)) - dueRealMs) / 1000;
      for (const p of procs) p.child.kill('SIGKILL');
      await queues.close();
      await deleteQueueKeys(redis, prefix);
      await prisma.reminder.deleteMany({ where: { workspaceId } });
      await prisma.delivery.deleteMany({ where: { workspaceId } });
      await prisma.workspace.delete({ where: { id: workspaceId } });
      const out = { throughput: per.size / span, kills: killCount, duplicates: [...per.values()].reduce((n, v) => n + v - 1, 0), missing: opts.people - per.size };
      process.stdout.write(`  ${kills ? 'one killed every 2 s' : 'no kills'}: ${per.size} delivered in ${span.toFixed(1)} s (${out.throughput.toFixed(0)}/s), ${out.kills} kills, ${out.duplicates} duplicates, ${out.missing} missing\n`);
      return out;
    };
    process.stdout.write(`\nworker-kills: three worker processes\n`);
    const plain = await once(false);
    const killed = await once(true);
    return { plain: plain.throughput, killed: killed.throughput, kills: killed.kills, duplicates: plain.duplicates + killed.duplicates, missing: plain.missing + killed.missing };
  } finally {
    redis.disconnect();
    await prisma.$disconnect();
    await r.stop();
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const benchDb = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup_bench';
  await prepareDatabase(benchDb);
  const slack = await new FakeSlack({ keepAliveMs: 60_000 }).start();
  process.stdout.write(`chaos: ${opts.people} reminders due at one instant, worker concurrency ${opts.concurrency}, faults ${opts.faults.join(', ')}\n`);
  const rows: Row[] = [];
  let kills: Awaited<ReturnType<typeof runWorkerKills>> | null = null;
  for (const f of opts.faults) {
    slack.reset();
    if (f === 'worker-kills') kills = await runWorkerKills(opts, slack, benchDb);
    else rows.push(await runFault(f, opts, slack, benchDb));
  }
  await slack.stop();
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  process.stdout.write(`\n| fault | delivered | duplicates | missing | fault → back | longest pause | fault → last post | due → last post | queue calls meanwhile: slowest, failed fast |\n|---|---|---|---|---|---|---|---|---|\n`);
  for (const r of rows) {
    process.stdout.write(`| ${r.fault} | ${r.delivered} | ${r.duplicates} | ${r.missing} | ${sec(r.faultMs)} | ${sec(r.pauseMs)} | ${sec(r.lastAfterFaultMs)} | ${sec(r.spanMs)} | ${r.producerMaxMs} ms, ${r.producerFailed}/${r.producerCalls} |\n`);
  }
  if (kills) {
    process.stdout.write(`\nthree worker processes: ${kills.plain.toFixed(0)} posts/s without kills, ${kills.killed.toFixed(0)} posts/s with one SIGKILLed every 2 s (${kills.kills} kills): ratio ${(kills.killed / kills.plain).toFixed(2)}; ${kills.duplicates} duplicates, ${kills.missing} missing\n`);
  }
  process.exit(rows.every((r) => r.duplicates === 0 && r.missing === 0) && (!kills || (kills.duplicates === 0 && kills.missing === 0)) ? 0 : 1);
}

main().catch((err) => {
  process.stderr.write(`chaos failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
