import net from 'node:net';
import path from 'node:path';
import { redisConnection } from '../jobs/redis';
import type { Logger } from 'pino';
import { createWebApp, type WebApp } from '../app';
import { loadConfig, type Config } from '../config';
import { applyMigrations, pendingMigrations, projectRoot } from '../data/migrations';
import { createPrisma, WORKER_POOL, type PrismaClient } from '../data/prisma';
import { createSchedulerEvents } from '../domain';
import { DeferredEvents } from '../domain/reminders/scheduling';
import { queueDashboard } from '../jobs/dashboard';
import { BullJobScheduler, createQueues, producerConnection, type Queues } from '../jobs/queues';
import { createLogger } from '../logger';
import { MovableClock } from '../time/clock';
import { startWorkers, workerPoolSize, type WorkerSet, type WorkerTuning } from '../../workflows';
import { seedDemo } from './demo';
import { TimeTravel } from './timeTravel';
import { LocalWorkspace } from './workspace';

/**
 * Starts the app in local mode: one process with the web side (the real Bolt receiver on
 * /slack/events), the workers, and the local workspace (the fake Slack on /api, the page on /,
 * its API on /local) on one port. main.ts calls it when config.ts finds local mode; the browser
 * tests and the screenshots script call it with a free port and the test database.
 */
export interface LocalStartOptions {
  /** A loaded local-mode configuration (main.ts); built from the fields below when absent. */
  config?: Config;
  port?: number;
  databaseUrl?: string;
  redisUrl?: string;
  queuePrefix?: string;
  logLevel?: Config['logLevel'];
  /** Where the built page is (default dist/local/page of the project). */
  pageDir?: string;
  /** The workspace's team id (tests: one workspace each; default TLOCAL0001). */
  teamId?: string;
  /** The clock's start (default: now). */
  startAt?: string;
  /** Apply pending migrations first (main.ts: yes; tests: their database is migrated already). */
  migrate?: boolean;
  logger?: Logger;
}

export interface RunningLocalWorkspace {
  baseUrl: string;
  port: number;
  config: Config;
  workspace: LocalWorkspace;
  clock: MovableClock;
  web: WebApp;
  workers: WorkerSet;
  travel: TimeTravel;
  prisma: PrismaClient;
  close(): Promise<void>;
}

/** Workers of the trial: no periodic ticks (the clock control runs what is due), replans at once. */
export const LOCAL_TUNING: Partial<WorkerTuning> = {
  concurrency: 8,
  reconcileEveryMs: 0,
  fullReconcileEveryMs: 0,
  retentionEveryMs: 0,
  reconcileAtStart: true,
  replanDelayMs: 0,
  dmByUserId: true,
  celebrationConcurrency: 2,
};

/** A free TCP port on 127.0.0.1 (the fake's URLs carry the port, so it is known before the app starts). */
async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startLocalWorkspace(options: LocalStartOptions = {}): Promise<RunningLocalWorkspace> {
  let config = options.config;
  if (!config) {
    const port = options.port === 0 || options.port === undefined ? await freePort('127.0.0.1') : options.port;
    config = loadConfig({
      LOCAL_WORKSPACE: 'true',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      PORT: String(port),
      LOG_LEVEL: options.logLevel ?? 'silent',
      ...(options.queuePrefix ? { QUEUE_PREFIX: options.queuePrefix } : {}),
    });
  } else if (config.port === 0) {
    const port = await freePort('127.0.0.1');
    config = { ...config, port, slack: { ...config.slack, apiUrl: `http://127.0.0.1:${port}/api/` } };
  }
  if (!config.local) throw new Error('startLocalWorkspace needs a local-mode configuration');
  if (options.teamId) config = { ...config, local: { ...config.local, teamId: options.teamId } };
  const local = config.local!;
  const logger = options.logger ?? createLogger(config.logLevel, { mode: 'local' });
  const clock = new MovableClock(options.startAt);

  const prisma = createPrisma(config.databaseUrl);
  if (options.migrate) {
    const pending = await pendingMigrations(prisma);
    if (pending.length > 0) {
      logger.info({ pending }, 'local workspace: applying pending migrations');
      await applyMigrations(config.databaseUrl);
    }
  }
  const workerPrisma = createPrisma(config.databaseUrl, { ...WORKER_POOL, max: workerPoolSize(LOCAL_TUNING) });
  const redis = redisConnection(config.redis, 'worker');
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  const producer = producerConnection(config.redis, (err) => logger.warn({ err: err.message }, 'redis unreachable'));
  const webQueues: Queues = createQueues(producer, { prefix: config.queuePrefix });
  const deferred = new DeferredEvents(
    createSchedulerEvents({ prisma, jobs: new BullJobScheduler(webQueues, clock), clock, defaults: { locale: config.defaultLocale, timezone: config.defaultTimezone }, logger }),
    logger,
  );

  let travel: TimeTravel | null = null;
  let workers: WorkerSet | null = null;
  let web: WebApp | null = null;
  /** Jobs first (nothing may post while the data goes), then the data, then back to real time. */
  const resetAll = async () => {
    for (const q of [workers!.queues.reminders, workers!.queues.celebrations, workers!.queues.maintenance]) {
      await q.drain(true);
      await q.clean(0, 100_000, 'completed');
      await q.clean(0, 100_000, 'failed');
    }
    await deferred.idle();
    await web!.services.retention.eraseWorkspace(local.teamId);
    clock.reset();
  };
  const workspace = new LocalWorkspace({
    teamId: local.teamId,
    teamName: local.teamName,
    signingSecret: config.slack.signingSecret,
    botToken: config.slack.botToken!,
    clock,
    logger,
    pageDir: options.pageDir ?? path.join(projectRoot(), 'dist', 'local', 'page'),
    advanceClock: (to) => travel!.advanceTo(to),
    demo: async (locale) => {
      // The journey starts from an empty workspace, four weeks back.
      await resetAll();
      workspace.clear();
      await seedDemo({ services: web!.services, events: deferred, clock, travel: travel!, workspace, teamId: local.teamId, logger }, locale);
    },
    reset: () => resetAll(),
  });

  web = createWebApp({
    config,
    prisma,
    redis: producer,
    clock,
    logger,
    events: deferred,
    healthChecks: { workers: async () => (workers ? workers.healthy() : false) },
    mountRoutes: (app) => {
      workspace.mount(app);
      queueDashboard(webQueues, config.admin)?.(app);
    },
  });
  const baseUrl = `http://127.0.0.1:${config.port}`;
  workspace.listeningAt(baseUrl);
  await web.start();
  workers = await startWorkers({ config, prisma: workerPrisma, redis, clock, logger, tuning: { ...LOCAL_TUNING, workspaces: [local.teamId] } });
  travel = new TimeTravel({ queues: workers.queues, redis, clock, logger, reconcile: () => workers!.reconcile({ full: true }), idle: () => deferred.idle() });
  logger.info({ url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host ?? 'localhost'}:${config.port}`, team: local.teamId }, 'local trial workspace ready (not connected to Slack)');

  let closed = false;
  return {
    baseUrl,
    port: config.port,
    config,
    workspace,
    clock,
    web,
    workers,
    travel,
    prisma,
    async close() {
      if (closed) return;
      closed = true;
      workspace.closeStreams();
      await web!.stop().catch(() => undefined);
      await deferred.idle();
      await workers!.close();
      await webQueues.close();
      await redis.quit().catch(() => undefined);
      producer.disconnect();
      await workerPrisma.$disconnect();
      await prisma.$disconnect();
    },
  };
}
