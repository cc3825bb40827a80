import type { RedisClient } from '../../src/jobs/redis';
import type { Config, RedisTarget } from '../../src/config';
import type { PrismaClient } from '../../src/data/prisma';
import { createSchedulerEvents } from '../../src/domain';
import type { DomainEvents } from '../../src/domain/ports';
import { BullJobScheduler, createQueues, type Queues } from '../../src/jobs/queues';
import { createLogger } from '../../src/logger';
import type { Clock } from '../../src/time/clock';
import { startWorkers, type WorkerSet, type WorkerTuning } from '../../workflows';
import { Harness, type HarnessOptions } from './harness';
import { deleteQueueKeys } from './queueKeys';

/** Fast settings for tests: short locks so a killed worker's jobs come back within seconds. */
export const TEST_TUNING: Partial<WorkerTuning> = {
  concurrency: 5,
  lockDurationMs: 4000,
  stalledIntervalMs: 1000,
  backoffMs: 200,
  attempts: 20,
  reconcileEveryMs: 0,
  fullReconcileEveryMs: 0,
  reconcileAtStart: false,
  replanDelayMs: 0,
  retentionEveryMs: 0,
  // The shared fake Slack answers a post with the channel it was given (Slack answers the DM's D… id
  // for a user id), so these tests open DMs first; bench/ceiling's fake covers posting by user id.
  dmByUserId: false,
};

/** A harness whose app reports domain events to the scheduler on the harness's own queue prefix. */
export class ScheduledHarness {
  workers: WorkerSet | null = null;
  private producerQueues: Queues | null = null;
  private constructor(readonly h: Harness) {}

  static async start(options: HarnessOptions & { clock: Clock }): Promise<ScheduledHarness> {
    let queues: Queues | null = null;
    const h = await Harness.start({
      ...options,
      events: (deps: { config: Config; prisma: PrismaClient; redis: RedisClient; clock: Clock }): DomainEvents => {
        queues = createQueues(deps.redis, { prefix: deps.config.queuePrefix });
        return createSchedulerEvents({
          prisma: deps.prisma,
          jobs: new BullJobScheduler(queues, deps.clock),
          clock: deps.clock,
          defaults: { locale: deps.config.defaultLocale, timezone: deps.config.defaultTimezone },
          logger: createLogger(deps.config.logLevel),
        });
      },
    });
    const s = new ScheduledHarness(h);
    s.producerQueues = queues;
    return s;
  }

  get events(): DomainEvents {
    return this.h.app.ctx.events;
  }

  async startWorkers(tuning: Partial<WorkerTuning> = {}): Promise<WorkerSet> {
    this.workers = await startWorkers({
      config: this.h.config,
      prisma: this.h.prisma,
      redis: this.h.redis,
      clock: this.h.clock,
      logger: createLogger(this.h.config.logLevel),
      tuning: { ...TEST_TUNING, workspaces: [this.h.teamId], ...tuning },
    });
    return this.workers;
  }

  async stopWorkers(): Promise<void> {
    await this.workers?.close();
    this.workers = null;
  }

  /** Removes every key of this harness's queue prefix (never the rest of the shared Redis). */
  dropQueueKeys(redis: RedisClient = this.h.redis): Promise<number> {
    return deleteQueueKeys(redis, this.h.config.queuePrefix);
  }

  async close(): Promise<void> {
    await this.stopWorkers();
    await this.producerQueues?.close();
    await this.dropQueueKeys().catch(() => undefined);
    await this.h.close();
  }
}

/** DM posts (chat.postMessage) the app made to a user's DM channel (fake: D + user id without U). */
export function dmChannelOf(userId: string): string {
  return `D${userId.replace(/^U/, '')}`;
}

export interface ChildWorker {
  proc: import('node:child_process').ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts startWorkers in a separate node process on the harness's prefix, team, fake Slack and clock. */
export async function spawnWorker(h: Harness, options: { redis?: RedisTarget; tuning?: Partial<WorkerTuning> } = {}): Promise<ChildWorker> {
  const { spawn } = await import('node:child_process');
  const path = await import('node:path');
  const root = path.join(__dirname, '..', '..');
  const proc = spawn(process.execPath, ['--require', path.join(root, 'scripts', 'ts-register.js'), path.join(__dirname, 'workerChild.ts')], {
    cwd: root,
    env: {
      ...process.env,
      CHILD_BOT_TOKEN: h.slack.token,
      CHILD_SLACK_API_URL: h.slack.apiUrl,
      CHILD_REDIS: JSON.stringify(options.redis ?? h.config.redis),
      CHILD_QUEUE_PREFIX: h.config.queuePrefix,
      CHILD_TEAM_ID: h.teamId,
      CHILD_CLOCK_OFFSET_MS: String(h.clock.now().toMillis() - Date.now()),
      CHILD_TUNING: JSON.stringify(options.tuning ?? {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker child did not start: ${stderr}`)), 20000);
    proc.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker child exited with ${code}: ${stderr}`));
    });
  });
  return {
    proc,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/**
 * N leaders of one senior leader, each with an action item due `dueDay`, planned through the
 * scheduler: N reminders due at 09:00 Oslo time that day. Returns the leaders' user ids.
 */
export async function seedActionBatch(s: ScheduledHarness, n: number, dueDay: string, tag: string, locale = 'en-GB'): Promise<{ seniorUserId: string; leaderUserIds: string[]; followUpIds: string[] }> {
  const { h } = s;
  const now = new Date();
  await h.prisma.workspace.upsert({ where: { id: h.teamId }, create: { id: h.teamId }, update: {} });
  const profile = { slackTz: 'Europe/Oslo', slackLocale: locale, profileFetchedAt: now };
  const seniorUserId = `US${tag}0`;
  h.user(seniorUserId, { tz: 'Europe/Oslo', locale });
  const senior = await h.prisma.person.create({ data: { workspaceId: h.teamId, slackUserId: seniorUserId, ...profile } });
  const leaderUserIds: string[] = [];
  const followUpIds: string[] = [];
  const day = new Date(`${dueDay}T00:00:00Z`);
  for (let i = 1; i <= n; i++) {
    const userId = `UL${tag}${i}`;
    h.user(userId, { tz: 'Europe/Oslo', locale });
    const leader = await h.prisma.person.create({ data: { workspaceId: h.teamId, slackUserId: userId, ...profile } });
    const f = await h.prisma.followUp.create({
      data: { workspaceId: h.teamId, seniorId: senior.id, leaderId: leader.id, oneToOneCadence: 'NONE', reflectionCadence: 'NONE', startDate: day },
    });
    await h.prisma.actionItem.create({ data: { followUpId: f.id, what: `Action ${i}`, ownerId: leader.id, dueDate: day, createdById: senior.id } });
    leaderUserIds.push(userId);
    followUpIds.push(f.id);
  }
  for (const id of followUpIds) await s.events.handle({ type: 'followUpChanged', id: id });
  return { seniorUserId, leaderUserIds, followUpIds };
}

/** Successful reminder posts per DM channel. */
export function postsByChannel(h: Harness): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of h.slack.callsOf('chat.postMessage').filter((x) => x.ts)) m.set(String(c.args.channel), (m.get(String(c.args.channel)) ?? 0) + 1);
  return m;
}
