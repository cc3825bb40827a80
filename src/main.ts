import { createWebApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { applyMigrations, pendingMigrations } from './data/migrations';
import { createPrisma, WORKER_POOL } from './data/prisma';
import { createSchedulerEvents } from './domain';
import { DeferredEvents } from './domain/reminders/scheduling';
import { queueDashboard } from './jobs/dashboard';
import { BullJobScheduler, createQueues, producerConnection, reconcileWhenRedisReturns, type Queues } from './jobs/queues';
import { describeRedis, redisConnection } from './jobs/redis';
import { createLogger } from './logger';
import { startLocalWorkspace } from './local/start';
import { systemClock } from './time/clock';
import { startWorkers, workerPoolSize, type WorkerSet } from '../workflows';

type Mode = 'web' | 'worker' | 'all';

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write('Configuration is not valid; the app cannot start:\n');
      for (const p of err.problems) process.stderr.write(`  ${p}\n`);
      process.stderr.write('See .env.example and the configuration table in README.md.\n');
      process.exit(1);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const arg = (process.argv[2] ?? 'all') as Mode;
  if (!['web', 'worker', 'all'].includes(arg)) {
    process.stderr.write(`Unknown mode "${arg}": use web, worker, or nothing for both.\n`);
    process.exit(1);
  }
  const config = readConfig();
  if (config.local) return runLocal(config, arg);
  const logger = createLogger(config.logLevel, { mode: arg });
  // Nothing escapes the structured log, not even a crash.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception; exiting');
    process.exit(1);
  });
  const prisma = createPrisma(config.databaseUrl, { pgbouncer: config.pgbouncer });

  // An unmigrated database: stop with one clear line (or migrate, when asked to).
  const pending = await pendingMigrations(prisma);
  if (pending.length > 0) {
    if (!config.migrateOnStart) {
      process.stderr.write(`The database has ${pending.length} pending migration(s) (${pending.join(', ')}): run \`npm run db:migrate\` or start with MIGRATE_ON_START=true.\n`);
      await prisma.$disconnect();
      process.exit(1);
    }
    logger.info({ pending }, 'applying pending migrations (MIGRATE_ON_START=true)');
    await applyMigrations(config.directDatabaseUrl ?? config.databaseUrl);
  }

  // Workers wait for Redis (maxRetriesPerRequest: null); the request path never does.
  // With Sentinel or a cluster, a failover is a pause: the workers' commands wait and resume.
  const redis = arg === 'web' ? null : redisConnection(config.redis, 'worker', (err) => logger.warn({ err: err.message, redis: describeRedis(config.redis) }, 'redis connection error'));
  // One line when Redis goes away, one when it is back (not one per reconnect attempt).
  let redisDown = false;
  const producer = producerConnection(config.redis, (err) => {
    if (!redisDown) logger.warn({ err: err.message }, 'redis unreachable: answering without it; jobs are queued when it is back');
    redisDown = true;
  });
  producer.on('ready', () => {
    if (redisDown) logger.info('redis reachable again');
    redisDown = false;
  });

  let workers: WorkerSet | null = null;
  // Workers get their own connection pool so that a burst of deliveries never delays the web
  // side's database work (modal submissions save before their 3-second ack), longer statements, and
  // as many connections as the jobs they run at once (none waits for a connection).
  const workerPrisma = arg === 'web' ? null : createPrisma(config.databaseUrl, { ...WORKER_POOL, max: workerPoolSize(), pgbouncer: config.pgbouncer });
  const startTheWorkers = () => startWorkers({ config, prisma: workerPrisma!, redis: redis!, clock: systemClock, logger });
  let web: ReturnType<typeof createWebApp> | null = null;
  let webQueues: Queues | null = null;
  let deferred: DeferredEvents | null = null;
  if (arg === 'web' || arg === 'all') {
    // The web side produces jobs (domain events) on the queues the workers consume, through its
    // own fail-fast connection, after the ack (DeferredEvents): Redis being away never delays an answer.
    webQueues = createQueues(producer, { prefix: config.queuePrefix, onError: () => undefined /* logged once by the producer connection */ });
    reconcileWhenRedisReturns(producer, webQueues, (err) => logger.warn({ err }, 'could not queue the reconcile after Redis came back'));
    deferred = new DeferredEvents(
      createSchedulerEvents({
        prisma,
        jobs: new BullJobScheduler(webQueues, systemClock),
        clock: systemClock,
        defaults: { locale: config.defaultLocale, timezone: config.defaultTimezone },
        logger,
      }),
      logger,
    );
    web = createWebApp({
      config,
      prisma,
      redis: producer,
      clock: systemClock,
      logger,
      events: deferred,
      healthChecks: arg === 'all' ? { workers: async () => (workers ? workers.healthy() : false) } : undefined,
      mountRoutes: queueDashboard(webQueues, config.admin),
    });
    // The receiver starts whatever the state of Redis (the workers below wait for it).
    const { port } = await web.start();
    logger.info({ port, socketMode: !!config.slack.appToken }, 'web receiver listening');
    if (arg === 'all') {
      void startTheWorkers().then(
        (w) => (workers = w),
        (err) => logger.error({ err }, 'the workers could not start'),
      );
    }
  } else {
    workers = await startTheWorkers();
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    try {
      // stop taking requests, then stop taking jobs and finish running ones, then close connections
      if (web) await web.stop();
      if (deferred) await deferred.idle();
      if (workers) await workers.close();
      if (webQueues) await webQueues.close();
      await redis?.quit().catch(() => undefined);
      producer.disconnect();
      if (workerPrisma) await workerPrisma.$disconnect();
      await prisma.$disconnect();
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * No Slack credentials (or LOCAL_WORKSPACE=true): the local trial workspace, one process (web and
 * workers) on 127.0.0.1 (HOST), its own workspace id and queue prefix, migrations applied at start.
 */
async function runLocal(config: Config, arg: Mode): Promise<void> {
  const logger = createLogger(config.logLevel, { mode: 'local' });
  if (arg === 'worker') {
    // The trial's workers run inside its web process (one clock, one fake Slack): a separate worker
    // (docker-compose.yml's `worker` service) has nothing to do. It waits, so it is not restarted.
    logger.info('local trial workspace: the web process runs the workers; this worker stays idle');
    const idle = setInterval(() => undefined, 60_000);
    const stop = () => { clearInterval(idle); process.exit(0); };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return;
  }
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  const running = await startLocalWorkspace({ config, logger, migrate: true });
  const shown = config.host === '0.0.0.0' || !config.host ? 'localhost' : config.host;
  process.stdout.write(`\nLocal trial workspace (not connected to Slack): http://${shown}:${running.port}\n\n`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 30_000).unref();
    await running.close().catch((err) => logger.error({ err }, 'error during shutdown'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
