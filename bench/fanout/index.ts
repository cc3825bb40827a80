/**
 * fanout — 10,000 people due a reminder at the same minute: the real pipeline vs bare BullMQ.
 *
 * Real: Reminder rows in PostgreSQL and one delayed BullMQ job each (job id = reminder key), run by
 * `startWorkers` from workflows/ — the processor reads the reminder, its recipient and subject,
 * claims the Delivery row, posts (chat.postMessage to the fake Slack Web API), records the ts,
 * marks the reminder done and plans the next occurrence. Bare: one delayed job each on the same
 * Redis, whose processor posts the same message with the same Web API client and no database.
 * Both run in this process, one after the other, each due at a whole minute a few seconds ahead,
 * against the fake Slack of src/local/slackApi.ts.
 *
 *   npm run bench -- fanout [--people 10000] [--concurrency 32 (the workers' default)]
 *
 * Database: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/followup_bench,
 * created and migrated when missing); Redis: BENCH_REDIS_URL (default redis://127.0.0.1:6379),
 * with a random queue prefix per pipeline, removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { createPrisma, WORKER_POOL } from '../../src/data/prisma';
import { renderOutbound } from '../../src/slack/outbound/render';
import { DEFAULT_PACING } from '../../src/jobs/pacer';
import { createLogger } from '../../src/logger';
import { postingClient } from '../../src/slack/outbound/messenger';
import { ShiftedClock } from '../../src/time/clock';
import { DEFAULT_TUNING, startWorkers, workerPoolSize } from '../../workflows';
import { FakeSlack } from '../../src/local/slackApi';
import { prepareDatabase } from '../../test/support/database';
import { deleteQueueKeys } from '../../test/support/queueKeys';
import { benchConfig, DELIVERIES_ONLY } from '../workers';
import { keysOf, seedReal } from '../seed';

interface Options {
  people: number;
  concurrency: number;
  /** Seconds between the end of seeding and the due minute. */
  leadSeconds: number;
  /** Seed the real run in this process (as before issue 9) instead of a child process. */
  seedInProcess: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { people: 10_000, concurrency: DEFAULT_TUNING.concurrency, leadSeconds: 5, seedInProcess: false };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--seed-in-process') {
      opts.seedInProcess = true;
      i -= 1;
      continue;
    }
    if (flag === '--people') opts.people = Number(value);
    else if (flag === '--concurrency') opts.concurrency = Number(value);
    else if (flag === '--lead') opts.leadSeconds = Number(value);
    else throw new Error(`unknown option ${flag}`);
  }
  return opts;
}



/** Where the memory was at the peak: JS heap used/total, external (wasm, Buffers) and array buffers. */
let peakBreakdown = '';

/** Peak resident set size while `work` runs (sampled every 50 ms). */
async function withPeakRss<T>(work: () => Promise<T>, progress: () => string = () => ''): Promise<{ result: T; peakRss: number }> {
  let peak = process.memoryUsage().rss;
  const mbOf = (b: number) => Math.round(b / 1048576);
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peak) {
      peak = m.rss;
      peakBreakdown = `rss ${mbOf(m.rss)} MB = heap used ${mbOf(m.heapUsed)} / total ${mbOf(m.heapTotal)} MB, external ${mbOf(m.external)} MB (array buffers ${mbOf(m.arrayBuffers)} MB)${progress()}`;
    }
  }, 50);
  try {
    const result = await work();
    return { result, peakRss: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

interface Result {
  name: string;
  delivered: number;
  duplicates: number;
  missing: number;
  /** Seconds from the due instant to the last post. */
  span: number;
  /** Posts per second over that span. */
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  peakRss: number;
}

function measure(name: string, slack: FakeSlack, channels: string[], dueRealMs: number, peakRss: number): Result {
  const posts = slack.callsOf('chat.postMessage').filter((c) => c.ts);
  const perChannel = new Map<string, number>();
  for (const c of posts) perChannel.set(String(c.args.channel), (perChannel.get(String(c.args.channel)) ?? 0) + 1);
  const duplicates = [...perChannel.values()].reduce((n, v) => n + Math.max(0, v - 1), 0);
  const missing = channels.filter((ch) => !perChannel.has(ch)).length;
  const lateness = posts.map((c) => (c.at - dueRealMs) / 1000).sort((a, b) => a - b);
  const q = (p: number) => lateness[Math.min(lateness.length - 1, Math.floor(p * lateness.length))] ?? NaN;
  const last = lateness[lateness.length - 1] ?? NaN;
  return { name, delivered: posts.length, duplicates, missing, span: last, throughput: posts.length / Math.max(0.001, last), p50: q(0.5), p99: q(0.99), max: last, peakRss };
}

async function waitForPosts(slack: FakeSlack, n: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  // Only chat.postMessage is called in these runs: count all calls first (filtering 10,000 recorded
  // calls every 100 ms cost both pipelines ~3 % of the CPU).
  while (slack.calls.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  while (slack.callsOf('chat.postMessage').length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
}

/** The same message the real pipeline sends (an action item due today), for the bare pipeline. */
function sampleMessage(i: number) {
  return renderOutbound({
    key: `bare-${i}`,
    locale: 'en',
    zone: 'Europe/Oslo',
    body: { type: 'action', actionId: `a${i}`, what: `Action ${i}`, dueDay: '2027-04-06', overdue: false, barrier: null },
  });
}

async function runBare(opts: Options, slack: FakeSlack, redisUrl: string): Promise<Result> {
  const prefix = `benchbare${crypto.randomBytes(4).toString('hex')}`;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('reminders', { connection: redis, prefix, defaultJobOptions: { removeOnComplete: 1000, attempts: 10, backoff: { type: 'exponential', delay: 2000 } } });
  const web = postingClient(slack.token, slack.apiUrl);
  const channels = Array.from({ length: opts.people }, (_, i) => `DBARE${i}`);
  const seeded = Date.now();
  const dueRealMs = Math.ceil((seeded + (opts.leadSeconds + 5) * 1000) / 1000) * 1000;
  for (let start = 0; start < opts.people; start += 1000) {
    const batch = channels.slice(start, start + 1000).map((channel, j) => {
      const m = sampleMessage(start + j);
      return { name: 'reminder', data: { channel, text: m.text, blocks: m.blocks }, opts: { jobId: `bare-${start + j}`, delay: Math.max(0, dueRealMs - Date.now()) } };
    });
    await queue.addBulk(batch);
  }
  peakBreakdown = '';
  const { peakRss } = await withPeakRss(async () => {
    const worker = new Worker(
      'reminders',
      async (job) => {
        const res = await web.chat.postMessage({ channel: job.data.channel, text: job.data.text, blocks: job.data.blocks, unfurl_links: false });
        return res.ts;
      },
      { connection: redis, prefix, concurrency: opts.concurrency },
    );
    await waitForPosts(slack, opts.people, 600_000);
    await worker.close();
  });
  const result = measure('bare BullMQ', slack, channels, dueRealMs, peakRss);
  process.stdout.write(`  bare peak: ${peakBreakdown}\n`);
  await queue.close();
  await deleteQueueKeys(redis, prefix);
  await redis.quit();
  return result;
}

async function seedChild(argv: string[]): Promise<void> {
  const [workspaceId, n, day, dueAt] = argv;
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup_bench';
  const seeder = createPrisma(databaseUrl, { max: 2 });
  await seedReal(seeder, workspaceId, Number(n), day, new Date(dueAt));
  await seeder.$disconnect();
}

/**
 * BENCH_HEAP_PROFILE=<file> (with node --expose-gc): a sampling heap profile of the real run, taken
 * the first time the heap stays above BENCH_HEAP_PROFILE_MB (default 150) after a full collection:
 * the allocation stacks of what is live then (open it in Chrome DevTools → Memory).
 */
function liveHeapProfiler(): { stop: () => void } {
  const file = process.env.BENCH_HEAP_PROFILE;
  const gc = global.gc;
  if (!file || !gc) return { stop: () => undefined };
  const threshold = Number(process.env.BENCH_HEAP_PROFILE_MB ?? 150) * 1048576;
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.startSampling', { samplingInterval: 32768 });
  let done = false;
  const timer = setInterval(() => {
    if (done || process.memoryUsage().heapUsed < threshold) return;
    gc();
    const live = process.memoryUsage().heapUsed;
    if (live < threshold) return;
    done = true;
    session.post('HeapProfiler.stopSampling', (err, res) => {
      if (!err) fs.writeFileSync(file, JSON.stringify(res.profile));
      process.stdout.write(`  heap profile of ${Math.round(live / 1048576)} MB live written to ${file}\n`);
    });
  }, 500);
  return { stop: () => { clearInterval(timer); if (!done) session.post('HeapProfiler.stopSampling', () => undefined); } };
}

async function runReal(opts: Options, slack: FakeSlack, redisUrl: string, databaseUrl: string): Promise<Result> {
  const profiler = liveHeapProfiler();
  const prefix = `benchreal${crypto.randomBytes(4).toString('hex')}`;
  const workspaceId = `TB${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  const prisma = createPrisma(databaseUrl, { max: Number(process.env.BENCH_DB_POOL ?? workerPoolSize({ concurrency: opts.concurrency })), ...WORKER_POOL });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // Tuesday 6 April 2027, 09:00 in Oslo: every leader's action item is due then.
  const day = '2027-04-06';
  const dueAt = DateTime.fromISO(`${day}T09:00:00`, { zone: 'Europe/Oslo' });
  let keys: string[];
  if (opts.seedInProcess) {
    process.stdout.write(`  seeding ${opts.people} people, follow-ups, action items and reminders (in this process)…\n`);
    // Seeding on its own client, closed before the run: Prisma keeps the compiled plans of the big
    // createMany batches (≈100 MB at 10,000) for as long as the client lives — not the workers' memory.
    const seeder = createPrisma(databaseUrl, { max: 2 });
    keys = await seedReal(seeder, workspaceId, opts.people, day, dueAt.toJSDate());
    await seeder.$disconnect();
    global.gc?.();
  } else {
    // The seeding's memory is measured apart (issue 9 allows either): a child process writes the
    // rows, so this process's peak RSS is the workers' (and the fake Slack's) alone.
    process.stdout.write(`  seeding ${opts.people} people, follow-ups, action items and reminders (in a child process)…\n`);
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--seed', workspaceId, String(opts.people), day, dueAt.toISO()!], { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
    if (child.status !== 0) throw new Error(`seeding failed (${child.status ?? child.signal})`);
    keys = keysOf(workspaceId, opts.people, day);
  }
  const dueRealMs = Math.ceil((Date.now() + (opts.leadSeconds + 5) * 1000) / 1000) * 1000;
  const clock = new ShiftedClock(dueAt.minus({ milliseconds: dueRealMs - Date.now() }));
  const workers = await startWorkers({
    config: benchConfig(slack, databaseUrl, redisUrl, prefix),
    prisma,
    redis,
    clock,
    logger: createLogger('silent'),
    tuning: {
      ...DELIVERIES_ONLY,
      concurrency: opts.concurrency,
      workspaces: [workspaceId],
      // The app's own pipeline, not Slack's limits (bench/ceiling measures those): a budget that never binds.
      pacing: { ...DEFAULT_PACING, postsPerMinute: 1e9, burst: 1e9, perChannelPerSecond: 1e6, channelBurst: 1e6 },
    },
  });
  for (let start = 0; start < keys.length; start += 1000) {
    // As BullJobScheduler queues them: the key and the route (workspace, recipient) for the posting slot.
    await workers.queues.reminders.addBulk(keys.slice(start, start + 1000).map((key) => ({ name: 'reminder', data: { key, workspaceId, recipientId: key.split('-')[2] }, opts: { jobId: key, delay: Math.max(0, dueRealMs - Date.now()) } })));
  }
  peakBreakdown = '';
  let probe: NodeJS.Timeout | null = null;
  if (global.gc) {
    // node --expose-gc: how much of the heap is live half-way (a full collection), and how much was garbage.
    const gc = global.gc;
    probe = setInterval(() => {
      if (slack.callsOf('chat.postMessage').length < opts.people / 2) return;
      clearInterval(probe!);
      const before = process.memoryUsage().heapUsed;
      gc();
      process.stdout.write(`  half-way: heap used ${Math.round(before / 1048576)} MB before a full GC, ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB live after\n`);
    }, 100);
  }
  const started = Date.now();
  const { peakRss } = await withPeakRss(
    () => waitForPosts(slack, opts.people, 600_000),
    () => `, ${((Date.now() - started) / 1000).toFixed(1)} s after the jobs were queued, ${slack.calls.length} calls`,
  );
  if (probe) clearInterval(probe);
  process.stdout.write(`  real peak: ${peakBreakdown}\n`);
  const channels = Array.from({ length: opts.people }, (_, i) => `DL${i}`);
  profiler.stop();
  const result = measure('real pipeline', slack, channels, dueRealMs, peakRss);
  const sent = await prisma.delivery.count({ where: { workspaceId, status: 'SENT' } });
  if (sent !== opts.people) process.stdout.write(`  ledger: ${sent} SENT of ${opts.people}\n`);
  await workers.close();
  await deleteQueueKeys(redis, prefix);
  await prisma.reminder.deleteMany({ where: { workspaceId } });
  await prisma.delivery.deleteMany({ where: { workspaceId } });
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await redis.quit();
  await prisma.$disconnect();
  return result;
}

const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
const s = (x: number) => `${x.toFixed(2)} s`;

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup_bench';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  await prepareDatabase(databaseUrl);
  // Slack keeps connections alive (the fake's test default of 1 s makes fetch reconnect per post):
  // BENCH_SLACK_KEEPALIVE_MS=1000 gives the earlier runs' setting.
  const slack = await new FakeSlack({ keepAliveMs: Number(process.env.BENCH_SLACK_KEEPALIVE_MS ?? 60_000) }).start();
  process.stdout.write(`fanout: ${opts.people} reminders due at the same instant, worker concurrency ${opts.concurrency}\n`);
  const baseline = process.memoryUsage().rss;
  const bare = await runBare(opts, slack, redisUrl);
  slack.reset();
  const real = await runReal(opts, slack, redisUrl, databaseUrl);
  await slack.stop();

  const rows: [string, (r: Result) => string][] = [
    ['delivered', (r) => String(r.delivered)],
    ['duplicates', (r) => String(r.duplicates)],
    ['missing', (r) => String(r.missing)],
    ['due → last post', (r) => s(r.span)],
    ['throughput', (r) => `${Math.round(r.throughput)} posts/s`],
    ['lateness p50', (r) => s(r.p50)],
    ['lateness p99', (r) => s(r.p99)],
    ['peak RSS (process)', (r) => mb(r.peakRss)],
  ];
  process.stdout.write(`\n| metric | ${real.name} | ${bare.name} |\n|---|---|---|\n`);
  for (const [label, f] of rows) process.stdout.write(`| ${label} | ${f(real)} | ${f(bare)} |\n`);
  process.stdout.write(`\nthroughput ratio real / bare: ${(real.throughput / bare.throughput).toFixed(2)} (goal ≥ 0.5)\n`);
  process.stdout.write(`RSS before the runs: ${mb(baseline)}\n`);
  // Slack's limits: chat.postMessage ≈ 1/s per channel (each DM is its own channel, so it does not
  // bind here) plus an unpublished workspace-wide limit; conversations.open is Tier 3 (50+/min).
  const openMinutes = opts.people / 50;
  process.stdout.write(
    `under Slack's limits: first run with no cached DM channels needs ${opts.people} conversations.open at Tier 3 (≥50/min): ≤ ${openMinutes.toFixed(0)} min;` +
      ` with cached DM channels the bound is the unpublished workspace-wide chat.postMessage limit (at 1 post/s: ${(opts.people / 60).toFixed(0)} min).\n`,
  );
  process.exit(0);
}

(process.argv[2] === '--seed' ? seedChild(process.argv.slice(3)).then(() => process.exit(0)) : main()).catch((err) => {
  process.stderr.write(`fanout failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
