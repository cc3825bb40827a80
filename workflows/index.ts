import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../src/config';
import { repositories } from '../src/data';
import type { PrismaClient } from '../src/data/prisma';
import { ReminderService } from '../src/domain/reminders';
import { SchedulerEvents } from '../src/domain/reminders/scheduling';
import { LifecycleService, type LeaveSource } from '../src/domain/lifecycle';
import { RetentionService } from '../src/domain/retention';
import { SlackNoticeMessenger } from '../src/slack/outbound/notices';
import { DeliveryService } from '../src/domain/reminders/deliver';
import { Reconciler, type ReconcileResult } from '../src/domain/reminders/reconcile';
import { JobNames, QueueNames } from '../src/jobs/contract';
import { DEFAULT_PACING, RedisPacer, type PacingLimits } from '../src/jobs/pacer';
import { BullJobScheduler, createQueues, type Queues } from '../src/jobs/queues';
import { queueKeyPrefix, type RedisClient } from '../src/jobs/redis';
import { slackLogger } from '../src/logger';
import { createWorkspaceAccess, type WorkspaceAccess } from '../src/oauth/access';
import { POSTING_OPTIONS, SlackMessenger } from '../src/slack/outbound/messenger';
import { digestImages } from '../src/slack/digestChart';
import type { Clock } from '../src/time/clock';
import { celebrationProcessor } from './processors/celebration';
import { maintenanceProcessor } from './processors/maintenance';
import { reminderProcessor } from './processors/reminder';

export interface WorkerTuning {
  /** Reminder jobs processed at once by this process. */
  concurrency: number;
  /** How long a job's lock lasts without renewal; a dead worker's jobs return after this. */
  lockDurationMs: number;
  stalledIntervalMs: number;
  attempts: number;
  backoffMs: number;
  /** Period of the quick reconciler tick (ledger, lost jobs, celebrations; a BullMQ job scheduler); 0 turns it off. */
  reconcileEveryMs: number;
  /** Period of the full reconcile that also re-plans every active follow-up; 0 turns it off. */
  fullReconcileEveryMs: number;
  /** Run the reconciler once when the workers start. */
  reconcileAtStart: boolean;
  /** Delay before the next occurrence of a delivered series is planned (spreads the load after a burst). */
  replanDelayMs: number;
  /** Period of the retention job (purging uninstalled workspaces and old ended follow-ups); 0 turns it off. */
  retentionEveryMs: number;
  /** Reconcile only these workspaces (a worker pool dedicated to some workspaces); all when absent. */
  workspaces?: string[];
  /** Slack's posting limits, paced per workspace and channel across every worker process (Redis). */
  pacing: PacingLimits;
  /** First DMs go to the user id as channel (Slack opens the DM); off: conversations.open first. */
  dmByUserId: boolean;
  /** Celebration jobs at once (each channel is paced to ≈1 post/s by the pacer). */
  celebrationConcurrency: number;
}

export const DEFAULT_TUNING: WorkerTuning = {
  // A reminder job mostly waits (its slot, PostgreSQL, Slack); its ledger statements are batched
  // with the other jobs' (src/lib/batch.ts), so more jobs at once cost few connections.
  concurrency: 32,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  attempts: 10,
  backoffMs: 2000,
  reconcileEveryMs: 5 * 60_000,
  fullReconcileEveryMs: 60 * 60_000,
  reconcileAtStart: true,
  replanDelayMs: 10 * 60_000,
  retentionEveryMs: 6 * 60 * 60_000,
  pacing: DEFAULT_PACING,
  dmByUserId: true,
  celebrationConcurrency: 5,
};

/**
 * Where in its period a heavy periodic job runs: 23 minutes past a whole period. Reminders are due
 * at whole local hours, which fall on :00, :30, :15 or :45 UTC depending on the zone (India +5:30,
 * Nepal +5:45, Chatham +12:45); minute 23 is none of them, so the hourly full reconcile and the
 * retention purge never start together with a fan-out. Periods of an hour or less that do not
 * reach minute 23 keep no offset.
 */
export const OFF_PEAK_OFFSET_MS = 23 * 60_000;

function offPeak(every: number, heavy: boolean): { offset?: number } {
  return heavy && every > OFF_PEAK_OFFSET_MS ? { offset: OFF_PEAK_OFFSET_MS } : {};
}

/**
 * Database connections a worker process needs. A reminder's claim and SENT mark go in batches (one
 * statement for every job at that step, one batch in flight), so reminder jobs need far fewer
 * connections than jobs; the other reads (a digest, an evaluation's goals) get up to 10; one per
 * celebration job, and one for maintenance.
 */
export function workerPoolSize(tuning: Partial<WorkerTuning> = {}): number {
  const t = { ...DEFAULT_TUNING, ...tuning };
  return Math.min(t.concurrency, 10) + t.celebrationConcurrency + 1;
}

export interface WorkerDeps {
  config: Config;
  prisma: PrismaClient;
  /** The workers' connection (redisConnection(config.redis, 'worker')): it waits for Redis. */
  redis: RedisClient;
  clock: Clock;
  logger: Logger;
  tuning?: Partial<WorkerTuning>;
  /** Tokens of the workspaces (built from config when absent). */
  access?: WorkspaceAccess;
}

export interface Workers {
  /** True while every worker is running. */
  healthy(): Promise<boolean>;
  /** Stop taking jobs, finish or release running ones, then return. */
  close(): Promise<void>;
}

/** The running workers, with their queues (for the dashboard) and a way to reconcile on demand. */
export interface WorkerSet extends Workers {
  queues: Queues;
  reconcile(options?: { full: boolean }): Promise<ReconcileResult>;
}

/** Starts the BullMQ workers of every scheduled workflow. */
export async function startWorkers(deps: WorkerDeps): Promise<WorkerSet> {
  const tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const { config, clock } = deps;
  const logger = deps.logger.child({ component: 'workers' });
  const prefix = config.queuePrefix;
  const queues = createQueues(deps.redis, { prefix, attempts: tuning.attempts, backoffMs: tuning.backoffMs, onError: (err) => logger.debug({ err: err.message }, 'queue connection error (the workers wait for Redis)') });
  const jobs = new BullJobScheduler(queues, clock);
  const repos = repositories(deps.prisma);
  const reminders = new ReminderService(repos, jobs, clock, { timezone: config.defaultTimezone }, logger);
  // Each workspace's messages go out with that workspace's own token (refreshed before use).
  const access = deps.access ?? createWorkspaceAccess({ config, prisma: deps.prisma, logger, slackLogger: slackLogger(logger) });
  const clientFor = (workspaceId: string) => access.clients.clientFor(workspaceId, undefined, { ...POSTING_OPTIONS, logger: slackLogger(logger) });
  const saveDm = (personId: string, channelId: string) => repos.people.saveDmChannel(personId, channelId);
  const messengers = new Map<string, SlackMessenger>();
  const messengerFor = (workspaceId: string): SlackMessenger => {
    let m = messengers.get(workspaceId);
    if (!m) {
      const client = clientFor(workspaceId);
      // The weekly digest carries the senior leader's overview chart (uploaded with this workspace's client).
      m = new SlackMessenger(client, saveDm, logger, digestImages({ repos, clock, logger }, client, workspaceId), { dmByUserId: tuning.dmByUserId });
      messengers.set(workspaceId, m);
    }
    return m;
  };
  // A person Slack reports gone (account_inactive, user_not_found) leaves: follow-ups end, notices go out.
  const schedulerEvents = new SchedulerEvents(reminders, repos, jobs, logger);
  const lifecycle = new LifecycleService(repos, clock, schedulerEvents, logger);
  // One posting budget per workspace, shared with every other worker process on this Redis.
  const pacer = new RedisPacer(deps.redis, prefix, tuning.pacing);
  const delivery = new DeliveryService(repos, messengerFor, jobs, clock, { timezone: config.defaultTimezone, locale: config.defaultLocale, replanDelayMs: tuning.replanDelayMs }, logger, {
    notices: new SlackNoticeMessenger(clientFor, saveDm),
    personGone: async (workspaceId, slackUserId, code) => {
      await lifecycle.personLeft(workspaceId, slackUserId, code as LeaveSource);
    },
  }, pacer);
  const retention = new RetentionService(deps.prisma, repos, clock, logger, { daysAfterUninstall: config.retentionDaysAfterUninstall ?? 30, workspaces: tuning.workspaces });
  const reconciler = new Reconciler(repos, reminders, jobs, clock, logger, { horizonHours: 36, celebrateWithinDays: 7, workspaces: tuning.workspaces });

  const common = { connection: deps.redis, prefix: queueKeyPrefix(deps.redis, prefix), lockDuration: tuning.lockDurationMs, stalledInterval: tuning.stalledIntervalMs, maxStalledCount: 5 };
  const workers: Worker[] = [
    new Worker(QueueNames.reminders, reminderProcessor(delivery, queues.reminders, clock, logger), { ...common, concurrency: tuning.concurrency }),
    // Celebrations: the pacer keeps each team channel at ≈1 post/s and the workspace within its budget.
    new Worker(QueueNames.celebrations, celebrationProcessor(delivery, queues.celebrations, clock, logger), { ...common, concurrency: tuning.celebrationConcurrency }),
    new Worker(QueueNames.maintenance, maintenanceProcessor(reconciler, reminders, retention), { ...common, concurrency: 1, lockDuration: Math.max(tuning.lockDurationMs, 120_000) }),
  ];
  for (const w of workers) {
    w.on('failed', (job, err) => logger.warn({ queue: w.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'));
    w.on('error', (err) => logger.error({ queue: w.name, err: err.message }, 'worker error'));
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));

  // The periodic ticks are BullMQ job schedulers (one per Redis, whatever the number of workers).
  // Reminder instants themselves are computed with luxon and stored as delayed jobs, never as cron.
  // An `every` schedule runs on whole multiples of its period since the epoch: an hourly one at the
  // top of each UTC hour, exactly when reminders due at 09:00 local time go out. The heavy ticks are
  // moved off those minutes (see OFF_PEAK_OFFSET_MS).
  const ticks: [string, number, boolean][] = [
    ['reconcile-tick', tuning.reconcileEveryMs, false],
    ['reconcile-full', tuning.fullReconcileEveryMs, true],
  ];
  for (const [id, every, full] of ticks) {
    if (every > 0) await queues.maintenance.upsertJobScheduler(id, { every, ...offPeak(every, full) }, { name: JobNames.reconcile, data: { task: 'reconcile', full } });
    else await queues.maintenance.removeJobScheduler(id).catch(() => undefined);
  }
  // Retention (a BullMQ job scheduler, one per Redis): purges what is past its time, logged.
  if (tuning.retentionEveryMs > 0) await queues.maintenance.upsertJobScheduler('retention', { every: tuning.retentionEveryMs, ...offPeak(tuning.retentionEveryMs, true) }, { name: JobNames.retention, data: { task: 'retention' } });
  else await queues.maintenance.removeJobScheduler('retention').catch(() => undefined);
  if (tuning.reconcileAtStart) {
    // One full reconcile for all the workers that start together (deduplicated while it waits or runs).
    await queues.maintenance.add(JobNames.reconcile, { task: 'reconcile', full: true }, { deduplication: { id: 'reconcile-start' } });
  }
  logger.info({ prefix, concurrency: tuning.concurrency }, 'workers started');

  let closing = false;
  return {
    queues,
    reconcile: (options = { full: true }) => reconciler.run(options),
    healthy: async () => !closing && workers.every((w) => w.isRunning()),
    async close() {
      if (closing) return;
      closing = true;
      // 1. stop taking jobs and let running ones finish (a job cut short is retried: the ledger stops a second post)
      await Promise.all(workers.map((w) => w.close()));
      // 2. the producers' connections; Redis and Prisma are closed by the caller (main.ts)
      await queues.close();
      logger.info('workers stopped');
    },
  };
}
