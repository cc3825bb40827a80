import { Queue, type JobsOptions } from 'bullmq';
import type { RedisTarget } from '../config';
import type { JobScheduler, ReminderRoute } from '../domain/ports';
import { Batcher } from '../lib/batch';
import type { Clock } from '../time/clock';
import { CelebrationJob, celebrationJobId, JobNames, QueueNames, ReminderJob, safeJobId } from './contract';
import { queueKeyPrefix, redisConnection, type RedisClient } from './redis';

export interface QueueOptions {
  prefix: string;
  /** Attempts of a reminder or celebration job before it is left failed (the reconciler re-adds it). */
  attempts?: number;
  /** First retry delay; doubles each attempt. */
  backoffMs?: number;
  /** A queue's connection errors (Redis away, a failover): logged by the caller; BullMQ prints them otherwise. */
  onError?: (err: Error) => void;
}

export interface Queues {
  reminders: Queue<ReminderJob>;
  celebrations: Queue<CelebrationJob>;
  maintenance: Queue;
  close(): Promise<void>;
}

/**
 * The request path's own Redis connection (the queue producer): it fails fast while Redis is away
 * — no offline queue, one retry, short timeouts — so a slash command or a modal never waits on
 * Redis. Workers keep their own connection with `maxRetriesPerRequest: null` (they wait for Redis).
 */
export function producerConnection(target: RedisTarget, onError?: (err: Error) => void): RedisClient {
  return redisConnection(target, 'producer', onError);
}

/**
 * When the producer's connection comes back after losing Redis, queue one quick reconcile
 * (deduplicated): it re-adds the jobs of every reminder planned in PostgreSQL meanwhile.
 */
export function reconcileWhenRedisReturns(connection: RedisClient, queues: Pick<Queues, 'maintenance'>, onError?: (err: unknown) => void): void {
  let lost = false;
  connection.on('error', () => (lost = true));
  connection.on('close', () => (lost = true));
  connection.on('ready', () => {
    if (!lost) return;
    lost = false;
    queues.maintenance
      .add(JobNames.reconcile, { task: 'reconcile', full: false }, { deduplication: { id: 'reconcile-after-outage' }, removeOnComplete: true, removeOnFail: 100 })
      .catch((err) => onError?.(err));
  });
}

export function createQueues(connection: RedisClient, options: QueueOptions): Queues {
  // On a cluster every queue key carries one hash tag (one slot), as BullMQ needs.
  const prefix = queueKeyPrefix(connection, options.prefix);
  const defaultJobOptions: JobsOptions = {
    attempts: options.attempts ?? 10,
    backoff: { type: 'exponential', delay: options.backoffMs ?? 2000 },
    removeOnComplete: { count: 1000, age: 7 * 24 * 3600 },
    removeOnFail: { count: 5000 },
  };
  const common = { connection, prefix, defaultJobOptions };
  const reminders = new Queue<ReminderJob>(QueueNames.reminders, common);
  const celebrations = new Queue<CelebrationJob>(QueueNames.celebrations, common);
  const maintenance = new Queue(QueueNames.maintenance, { connection, prefix, defaultJobOptions: { removeOnComplete: 100, removeOnFail: 100 } });
  for (const q of [reminders, celebrations, maintenance]) q.on('error', (err: Error) => options.onError?.(err));
  return {
    reminders,
    celebrations,
    maintenance,
    async close() {
      await Promise.all([reminders.close(), celebrations.close(), maintenance.close()]);
    },
  };
}

const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

/** Enqueue helpers: job id = reminder key, delay = due time − now. */
export class BullJobScheduler implements JobScheduler {
  constructor(
    private readonly queues: Pick<Queues, 'reminders' | 'celebrations' | 'maintenance'>,
    private readonly clock: Clock,
  ) {}

  private delayUntil(dueAt: Date): number {
    return Math.max(0, dueAt.getTime() - this.clock.now().toMillis());
  }

  async scheduleReminder(key: string, dueAt: Date, moved: boolean, route: ReminderRoute): Promise<void> {
    const data = ReminderJob.parse({ key, workspaceId: route.workspaceId, recipientId: route.recipientId });
    const jobId = safeJobId(data.key);
    const existing = await this.queues.reminders.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state === 'delayed' && moved) {
        // A new recipient moves the job's route with it (the processor re-reads everything else).
        if (existing.data.recipientId !== data.recipientId || existing.data.workspaceId !== data.workspaceId) await existing.updateData(data).catch(() => undefined);
        await existing.changeDelay(this.delayUntil(dueAt)).catch(() => undefined);
        return;
      }
      if (LIVE_STATES.has(state)) return; // the processor re-reads the due time from the database
      // completed or failed earlier: remove so the reminder can run (the ledger stops a second send)
      await existing.remove().catch(() => undefined);
    }
    await this.queues.reminders.add(JobNames.reminder, data, { jobId, delay: this.delayUntil(dueAt) });
  }

  async unscheduleReminder(key: string): Promise<void> {
    const job = await this.queues.reminders.getJob(key);
    if (!job) return;
    // An active job cannot be removed; it finds its reminder cancelled and stops.
    await job.remove().catch(() => undefined);
  }

  async hasReminderJob(key: string): Promise<boolean> {
    const job = await this.queues.reminders.getJob(key);
    if (!job) return false;
    return LIVE_STATES.has(await job.getState());
  }

  async missingReminderJobs(keys: string[]): Promise<string[]> {
    // Sent together on one connection: one round trip for the page, not two per key.
    const states = await Promise.all(keys.map((key) => this.queues.reminders.getJobState(key)));
    return keys.filter((_, i) => !LIVE_STATES.has(states[i]));
  }

  async scheduleCelebration(kind: 'milestone' | 'goal', id: string): Promise<void> {
    const data = CelebrationJob.parse({ kind, id });
    const jobId = safeJobId(celebrationJobId(data));
    const existing = await this.queues.celebrations.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (LIVE_STATES.has(state)) return;
      await existing.remove().catch(() => undefined);
    }
    await this.queues.celebrations.add(JobNames.celebration, data, { jobId });
  }

  async scheduleReplan(scope: { followUpId: string } | { seniorId: string }, delayMs: number): Promise<void> {
    await this.replans.load({ scope, delayMs });
  }

  /**
   * The replans asked for by the deliveries of one moment (a fan-out: one per follow-up) are added
   * in one round trip. While a replan of a subject waits, adding it again is a no-op (same job id);
   * done ones are removed.
   */
  private readonly replans = new Batcher<{ scope: { followUpId: string } | { seniorId: string }; delayMs: number }, void>(async (asks) => {
    await this.queues.maintenance.addBulk(
      asks.map(({ scope, delayMs }) => ({
        name: JobNames.replan,
        data: 'followUpId' in scope ? { task: 'replan' as const, followUpId: scope.followUpId } : { task: 'replan' as const, seniorId: scope.seniorId },
        opts: { jobId: safeJobId('followUpId' in scope ? `replan-fu-${scope.followUpId}` : `replan-digest-${scope.seniorId}`), delay: delayMs, removeOnComplete: true, removeOnFail: 100 },
      })),
    );
    return asks.map(() => undefined);
  });
}
