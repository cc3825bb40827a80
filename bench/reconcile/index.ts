/**
 * reconcile — the full and the quick reconcile at scale: time, SQL statements and memory.
 *
 * Seeds N active follow-ups (each leader with an open action item due within the horizon), then
 * runs, on real PostgreSQL and Redis with the production Reconciler:
 *   1. a full reconcile that plans every reminder from nothing (rows + delayed jobs);
 *   2. a full reconcile again with nothing changed;
 *   3. the 5-minute quick reconcile with nothing changed.
 * SQL statements are counted at the pg driver (test/support/countingPrisma.ts).
 *
 *   npm run bench -- reconcile [--followUps 20000]
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { repositories } from '../../src/data';
import { ReminderService } from '../../src/domain/reminders';
import { Reconciler, type ReconcileResult } from '../../src/domain/reminders/reconcile';
import { BullJobScheduler, createQueues } from '../../src/jobs/queues';
import { createLogger } from '../../src/logger';
import { systemClock } from '../../src/time/clock';
import { countingPrisma } from '../../test/support/countingPrisma';
import { prepareDatabase } from '../../test/support/database';
import { deleteQueueKeys } from '../../test/support/queueKeys';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const n = Number(args[args.indexOf('--followUps') + 1] || 20_000) || 20_000;
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup_bench';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  await prepareDatabase(databaseUrl);
  const counting = countingPrisma(databaseUrl);
  const prisma = counting.prisma;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = `benchrec${crypto.randomBytes(4).toString('hex')}`;
  const ws = `TR${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  const logger = createLogger('silent');
  const queues = createQueues(redis, { prefix });
  const jobs = new BullJobScheduler(queues, systemClock);
  const repos = repositories(prisma);
  const reminders = new ReminderService(repos, jobs, systemClock, { timezone: 'Europe/Oslo' }, logger);
  const reconciler = new Reconciler(repos, reminders, jobs, systemClock, logger, { horizonHours: 36, celebrateWithinDays: 7, workspaces: [ws] });

  process.stdout.write(`reconcile: seeding ${n} active follow-ups…\n`);
  const now = new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  await prisma.workspace.create({ data: { id: ws, defaultLocale: 'en' } });
  const seniors = Math.max(1, Math.ceil(n / 50));
  const profile = { workspaceId: ws, slackTz: 'Europe/Oslo', slackLocale: 'en-GB', profileFetchedAt: now, dmChannelId: null };
  for (let i = 0; i < n; i += 500) {
    const m = Math.min(500, n - i);
    await prisma.person.createMany({
      data: [
        ...(i === 0 ? Array.from({ length: seniors }, (_, s) => ({ id: `${ws}s${s}`, slackUserId: `US${s}`, ...profile })) : []),
        ...Array.from({ length: m }, (_, j) => ({ id: `${ws}l${i + j}`, slackUserId: `UL${i + j}`, ...profile })),
      ],
    });
    await prisma.followUp.createMany({
      data: Array.from({ length: m }, (_, j) => ({ id: `${ws}f${i + j}`, workspaceId: ws, seniorId: `${ws}s${(i + j) % seniors}`, leaderId: `${ws}l${i + j}`, startDate: new Date(today.getTime() - 30 * 86_400_000), nextEvaluationOn: new Date(today.getTime() + 10 * 86_400_000) })),
    });
    await prisma.actionItem.createMany({
      data: Array.from({ length: m }, (_, j) => ({ id: `${ws}a${i + j}`, followUpId: `${ws}f${i + j}`, what: `Action ${i + j}`, ownerId: `${ws}l${i + j}`, dueDate: new Date(today.getTime() + 86_400_000), createdById: `${ws}s${(i + j) % seniors}`, createdAt: new Date(now.getTime() - 86_400_000) })),
    });
  }

  const rows: string[] = [];
  const run = async (label: string, full: boolean) => {
    global.gc?.();
    counting.reset();
    const base = process.memoryUsage();
    let peakHeap = base.heapUsed;
    let peakRss = base.rss;
    const timer = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 100);
    const start = Date.now();
    const result: ReconcileResult = await reconciler.run({ full });
    const seconds = (Date.now() - start) / 1000;
    clearInterval(timer);
    const planned = await prisma.reminder.count({ where: { workspaceId: ws, status: 'SCHEDULED' } });
    const soon = await prisma.reminder.count({ where: { workspaceId: ws, status: 'SCHEDULED', dueAt: { lte: new Date(Date.now() + 36 * 3600_000) } } });
    const statements = counting.queries();
    const byKind = await prisma.reminder.groupBy({ by: ['kind'], where: { workspaceId: ws, status: 'SCHEDULED' }, _count: true });
    process.stdout.write(`  scheduled by kind: ${byKind.map((k) => `${k.kind} ${k._count}`).join(', ')}\n`);
    const line = `| ${label} | ${n} | ${planned} (${soon} within 36 h) | ${seconds.toFixed(1)} s | ${statements} | ${(statements / n).toFixed(2)} | ${Math.round(peakHeap / 1048576)} MB / ${Math.round(peakRss / 1048576)} MB | ${JSON.stringify(result)} |`;
    process.stdout.write(`${line}\n`);
    rows.push(line);
  };
  await run('full, planning from nothing', true);
  await run('full, nothing changed', true);
  await run('quick, nothing changed', false);

  process.stdout.write(`\n| reconcile | follow-ups | scheduled reminders | time | SQL statements | per follow-up | peak heap / RSS | result |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
  await queues.close();
  await deleteQueueKeys(redis, prefix);
  await prisma.reminder.deleteMany({ where: { workspaceId: ws } });
  await prisma.workspace.delete({ where: { id: ws } });
  await redis.quit();
  await prisma.$disconnect();
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`reconcile failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
