/**
 * ceiling — deliveries against Slack's rate limits: how close the app comes to the fastest Slack allows.
 *
 * A fake Slack (bench/ceiling/slack.ts) enforces chat.postMessage ≈1/s per channel with a burst plus a
 * workspace posting budget, conversations.open Tier 3 and users.info Tier 4, answering 429 +
 * Retry-After past them. The real workers (`startWorkers` from workflows/, production defaults,
 * pacing configured to the same budget) deliver:
 *
 *   a  N reminders due at one instant, no DM channel known (first run);
 *   b  N reminders due at one instant, DM channels known;
 *   c  M celebrations to K team channels at once.
 *
 *   npm run bench -- ceiling [--people 10000] [--celebrations 500] [--channels 50]
 *                            [--runs a@525,b@525,c@525] [--concurrency 32]
 *
 * A run is scenario@budget (posts per workspace per minute). For each: time from due to the last
 * delivery, the theoretical minimum under the limits, their ratio, 429s, duplicates and missing.
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { createPrisma, type PrismaClient } from '../../src/data/prisma';
import { DEFAULT_PACING } from '../../src/jobs/pacer';
import { celebrationKey } from '../../src/domain/celebrations';
import { celebrationJobId } from '../../src/jobs/contract';
import { createLogger } from '../../src/logger';
import { ShiftedClock, systemClock, type Clock } from '../../src/time/clock';
import { dayToDate } from '../../src/time/dates';
import { DEFAULT_TUNING, startWorkers, workerPoolSize } from '../../workflows';
import { prepareDatabase } from '../../test/support/database';
import { deleteQueueKeys } from '../../test/support/queueKeys';
import { benchConfig, DELIVERIES_ONLY } from '../workers';
import { LimitedSlack, SLACK_LIMITS, type SlackLimits } from './slack';

interface Options {
  people: number;
  celebrations: number;
  channels: number;
  concurrency: number;
  runs: { scenario: 'a' | 'b' | 'c'; budget: number }[];
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { people: 10_000, celebrations: 500, channels: 50, concurrency: DEFAULT_TUNING.concurrency, runs: [] };
  let runs = 'a@525,b@525,c@525';
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--people') opts.people = Number(value);
    else if (flag === '--celebrations') opts.celebrations = Number(value);
    else if (flag === '--channels') opts.channels = Number(value);
    else if (flag === '--concurrency') opts.concurrency = Number(value);
    else if (flag === '--runs') runs = value;
    else throw new Error(`unknown option ${flag}`);
  }
  opts.runs = runs.split(',').map((r) => {
    const [scenario, budget] = r.split('@');
    if (!['a', 'b', 'c'].includes(scenario) || !(Number(budget) > 0)) throw new Error(`bad run ${r}: use a@525, b@525 or c@525`);
    return { scenario: scenario as 'a' | 'b' | 'c', budget: Number(budget) };
  });
  return opts;
}

interface Result {
  run: string;
  messages: number;
  delivered: number;
  duplicates: number;
  missing: number;
  /** Seconds from due to the last delivery. */
  actual: number;
  /** Seconds the limits allow at best. */
  minimum: number;
  calls: number;
  rejected: number;
  byMethod: Record<string, number>;
  peakRss: number;
}

/** The fastest the limits allow: the workspace bucket and each channel's bucket, both start full. */
function theoreticalMinimum(perChannel: number[], limits: SlackLimits): number {
  const total = perChannel.reduce((a, b) => a + b, 0);
  const workspace = Math.max(0, total - limits.postBurst) / (limits.postsPerMinute / 60);
  const channel = Math.max(0, ...perChannel.map((n) => Math.max(0, n - limits.channelBurst) / limits.channelPerSecond));
  return Math.max(workspace, channel);
}

async function seedReminders(prisma: PrismaClient, workspaceId: string, n: number, day: string, dueAt: Date, dmKnown: boolean): Promise<string[]> {
  const now = new Date();
  await prisma.workspace.create({ data: { id: workspaceId, defaultLocale: 'en' } });
  const seniors = Math.max(1, Math.ceil(n / 100));
  const profile = { workspaceId, slackTz: 'Europe/Oslo', slackLocale: 'en-GB', profileFetchedAt: now };
  const seniorRows = Array.from({ length: seniors }, (_, i) => ({ id: `${workspaceId}s${i}`, slackUserId: `US${i}`, dmChannelId: dmKnown ? `DS${i}` : null, ...profile }));
  const leaderRows = Array.from({ length: n }, (_, i) => ({ id: `${workspaceId}l${i}`, slackUserId: `UL${i}`, dmChannelId: dmKnown ? `DL${i}` : null, ...profile }));
  const date = dayToDate(day);
  const compact = day.replace(/-/g, '');
  const keys: string[] = [];
  for (let i = 0; i < n; i += 2000) {
    await prisma.person.createMany({ data: [...(i === 0 ? seniorRows : []), ...leaderRows.slice(i, i + 2000)] });
    const slice = leaderRows.slice(i, i + 2000);
    await prisma.followUp.createMany({
      data: slice.map((l, j) => ({ id: `${workspaceId}f${i + j}`, workspaceId, seniorId: seniorRows[(i + j) % seniors].id, leaderId: l.id, oneToOneCadence: 'NONE' as const, reflectionCadence: 'NONE' as const, startDate: date })),
    });
    await prisma.actionItem.createMany({
      data: slice.map((l, j) => ({ id: `${workspaceId}a${i + j}`, followUpId: `${workspaceId}f${i + j}`, what: `Action ${i + j}`, ownerId: l.id, dueDate: date, createdById: l.id, createdAt: new Date(dueAt.getTime() - 86_400_000) })),
    });
    const rows = slice.map((l, j) => ({ key: `action-${workspaceId}a${i + j}-${l.id}-${compact}`, workspaceId, kind: 'action', recipientId: l.id, subjectId: `${workspaceId}a${i + j}`, followUpId: `${workspaceId}f${i + j}`, dueAt, payload: { day } }));
    await prisma.reminder.createMany({ data: rows });
    keys.push(...rows.map((r) => r.key));
  }
  return keys;
}

/** K follow-ups with a team channel each, one goal each, and M milestones done spread over them. */
async function seedCelebrations(prisma: PrismaClient, workspaceId: string, m: number, k: number): Promise<{ ids: string[]; perChannel: number[] }> {
  const now = new Date();
  await prisma.workspace.create({ data: { id: workspaceId, defaultLocale: 'en' } });
  const profile = { workspaceId, slackTz: 'Europe/Oslo', slackLocale: 'en-GB', profileFetchedAt: now };
  await prisma.person.create({ data: { id: `${workspaceId}s`, slackUserId: 'USENIOR', dmChannelId: 'DSENIOR', ...profile } });
  await prisma.person.createMany({ data: Array.from({ length: k }, (_, i) => ({ id: `${workspaceId}l${i}`, slackUserId: `UL${i}`, dmChannelId: `DL${i}`, ...profile })) });
  await prisma.followUp.createMany({
    data: Array.from({ length: k }, (_, i) => ({ id: `${workspaceId}f${i}`, workspaceId, seniorId: `${workspaceId}s`, leaderId: `${workspaceId}l${i}`, teamChannelId: `CTEAM${i}`, oneToOneCadence: 'NONE' as const, reflectionCadence: 'NONE' as const, startDate: now })),
  });
  await prisma.goal.createMany({ data: Array.from({ length: k }, (_, i) => ({ id: `${workspaceId}g${i}`, followUpId: `${workspaceId}f${i}`, kind: 'PROFESSIONAL' as const, title: `Goal ${i}`, createdById: `${workspaceId}s` })) });
  const ids = Array.from({ length: m }, (_, i) => `${workspaceId}m${i}`);
  await prisma.milestone.createMany({ data: ids.map((id, i) => ({ id, goalId: `${workspaceId}g${i % k}`, title: `Milestone ${i}`, position: Math.floor(i / k), doneAt: now, doneById: `${workspaceId}l${i % k}` })) });
  const perChannel = Array.from({ length: k }, (_, c) => ids.filter((_, i) => i % k === c).length);
  return { ids, perChannel };
}

async function waitDelivered(slack: LimitedSlack, expected: Set<string>, timeoutMs: number, label: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  let lastReport = Date.now();
  for (;;) {
    const seen = new Set(slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.key && expected.has(c.key)).map((c) => c.key));
    if (seen.size >= expected.size || Date.now() > end) return;
    if (Date.now() - lastReport > 60_000) {
      lastReport = Date.now();
      process.stdout.write(`    ${label}: ${seen.size}/${expected.size} delivered, ${slack.calls.filter((c) => c.status === 429).length} 429s\n`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function runScenario(opts: Options, run: Options['runs'][number], slack: LimitedSlack, databaseUrl: string, redisUrl: string): Promise<Result> {
  const limits: SlackLimits = { ...SLACK_LIMITS, postsPerMinute: run.budget };
  slack.reset(limits);
  const prefix = `benchceil${crypto.randomBytes(4).toString('hex')}`;
  const workspaceId = `TC${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  const prisma = createPrisma(databaseUrl, { max: workerPoolSize({ concurrency: opts.concurrency }) });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const label = `${run.scenario}@${run.budget}`;
  let expected: string[];
  let perChannel: number[];
  let clock: Clock = systemClock;
  let dueRealMs: number;
  let enqueue: (w: Awaited<ReturnType<typeof startWorkers>>) => Promise<void>;
  if (run.scenario === 'c') {
    process.stdout.write(`  ${label}: seeding ${opts.celebrations} milestones done in ${opts.channels} team channels…\n`);
    const seeded = await seedCelebrations(prisma, workspaceId, opts.celebrations, opts.channels);
    expected = seeded.ids.map((id) => celebrationKey('milestone', id));
    perChannel = seeded.perChannel;
    dueRealMs = 0;
    enqueue = async (w) => {
      dueRealMs = Date.now();
      for (let s = 0; s < seeded.ids.length; s += 1000) {
        await w.queues.celebrations.addBulk(seeded.ids.slice(s, s + 1000).map((id) => ({ name: 'celebration', data: { kind: 'milestone' as const, id }, opts: { jobId: celebrationJobId({ kind: 'milestone', id }) } })));
      }
    };
  } else {
    const day = '2027-04-06';
    const dueAt = DateTime.fromISO(`${day}T09:00:00`, { zone: 'Europe/Oslo' });
    process.stdout.write(`  ${label}: seeding ${opts.people} people (${run.scenario === 'a' ? 'no DM channel known' : 'DM channels known'}) with a reminder due at one instant…\n`);
    expected = await seedReminders(prisma, workspaceId, opts.people, day, dueAt.toJSDate(), run.scenario === 'b');
    perChannel = expected.map(() => 1);
    const due = (dueRealMs = Math.ceil((Date.now() + 8000) / 1000) * 1000);
    clock = new ShiftedClock(dueAt.minus({ milliseconds: due - Date.now() }));
    enqueue = async (w) => {
      for (let s = 0; s < expected.length; s += 1000) {
        // As BullJobScheduler queues them: the key and the route (workspace, recipient) for the posting slot.
        await w.queues.reminders.addBulk(expected.slice(s, s + 1000).map((key) => ({ name: 'reminder', data: { key, workspaceId, recipientId: key.split('-')[2] }, opts: { jobId: key, delay: Math.max(0, due - Date.now()) } })));
      }
    };
  }
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
      // The app paces to the same workspace budget Slack enforces here (a smaller burst).
      pacing: { ...DEFAULT_PACING, postsPerMinute: run.budget },
    },
  });
  const minimum = theoreticalMinimum(perChannel, limits);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  await enqueue(workers);
  await waitDelivered(slack, new Set(expected), Math.max(120_000, minimum * 3000 + 60_000), label);
  clearInterval(sampler);
  // Let stragglers (a duplicate would show up here) arrive, then count.
  await new Promise((r) => setTimeout(r, 2000));
  await workers.close();
  const posts = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200);
  const perKey = new Map<string, number>();
  for (const p of posts) if (p.key) perKey.set(p.key, (perKey.get(p.key) ?? 0) + 1);
  const last = Math.max(...posts.filter((p) => p.key && expected.includes(p.key)).map((p) => p.at));
  const byMethod: Record<string, number> = {};
  for (const c of slack.calls) byMethod[c.method] = (byMethod[c.method] ?? 0) + 1;
  const result: Result = {
    run: label,
    messages: expected.length,
    delivered: expected.filter((k) => perKey.has(k)).length,
    duplicates: [...perKey.values()].reduce((n, v) => n + Math.max(0, v - 1), 0),
    missing: expected.filter((k) => !perKey.has(k)).length,
    actual: (last - dueRealMs) / 1000,
    minimum,
    calls: slack.calls.length,
    rejected: slack.calls.filter((c) => c.status === 429).length,
    byMethod,
    peakRss,
  };
  await deleteQueueKeys(redis, prefix);
  await prisma.reminder.deleteMany({ where: { workspaceId } });
  await prisma.delivery.deleteMany({ where: { workspaceId } });
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await redis.quit();
  await prisma.$disconnect();
  return result;
}

const SCENARIOS = { a: 'reminders, no DM known', b: 'reminders, DMs known', c: 'celebrations to team channels' };

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup_bench';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  await prepareDatabase(databaseUrl);
  const slack = await new LimitedSlack().start();
  const l = SLACK_LIMITS;
  process.stdout.write(
    `ceiling: fake Slack limits — chat.postMessage ${l.channelPerSecond}/s per channel (burst ${l.channelBurst}) and <budget>/min per workspace (burst ${l.postBurst}); ` +
      `conversations.open Tier 3 ${l.tier3PerMinute}/min (burst ${l.tier3Burst}); users.info Tier 4 ${l.tier4PerMinute}/min (burst ${l.tier4Burst}). Worker concurrency ${opts.concurrency}.\n`,
  );
  const results: Result[] = [];
  for (const run of opts.runs) {
    const r = await runScenario(opts, run, slack, databaseUrl, redisUrl);
    results.push(r);
    process.stdout.write(`  ${r.run}: ${r.delivered}/${r.messages} in ${r.actual.toFixed(1)} s (minimum ${r.minimum.toFixed(1)} s), ${r.rejected} 429s of ${r.calls} calls ${JSON.stringify(r.byMethod)}\n`);
  }
  await slack.stop();
  process.stdout.write(`\n| scenario | budget/min | messages | due → last delivery | theoretical minimum | minimum / actual (goal ≥ 0.9) | 429s / calls (goal ≤ 1 %) | duplicates | missing | peak RSS |\n|---|---|---|---|---|---|---|---|---|---|\n`);
  for (const r of results) {
    const [scenario, budget] = r.run.split('@');
    process.stdout.write(
      `| ${scenario} ${SCENARIOS[scenario as 'a' | 'b' | 'c']} | ${budget} | ${r.messages} | ${r.actual.toFixed(1)} s | ${r.minimum.toFixed(1)} s | ${(r.minimum / r.actual).toFixed(3)} | ${r.rejected} / ${r.calls} (${((100 * r.rejected) / r.calls).toFixed(2)} %) | ${r.duplicates} | ${r.missing} | ${Math.round(r.peakRss / 1048576)} MB |\n`,
    );
  }
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`ceiling failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
