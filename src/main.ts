import { Redis } from 'ioredis';
import { createWebApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createPrisma } from './data/prisma';
import { createSchedulerEvents } from './domain';
import { queueDashboard } from './jobs/dashboard';
import { BullJobScheduler, createQueues, type Queues } from './jobs/queues';
import { createLogger } from './logger';
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
  const logger = createLogger(config.logLevel, { mode: arg });
  const prisma = createPrisma(config.databaseUrl, arg === 'worker' ? { max: workerPoolSize() } : {});
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));

  let workers: WorkerSet | null = null;
  let workerPrisma: typeof prisma | null = null;
  if (arg === 'worker' || arg === 'all') {
    // Workers get their own connection pool so that a burst of deliveries never delays the web
    // side's database work (modal submissions save before their 3-second ack).
    // Sized to the jobs the workers run at once, so none waits for a connection.
    workerPrisma = arg === 'all' ? createPrisma(config.databaseUrl, { max: workerPoolSize() }) : prisma;
    workers = await startWorkers({ config, prisma: workerPrisma, redis, clock: systemClock, logger });
  }
  let web: ReturnType<typeof createWebApp> | null = null;
  let webQueues: Queues | null = null;
  if (arg === 'web' || arg === 'all') {
    // The web side produces jobs (domain events) on the same queues the workers consume.
    const queues = workers?.queues ?? (webQueues = createQueues(redis, { prefix: config.queuePrefix }));
    const events = createSchedulerEvents({
      prisma,
      jobs: new BullJobScheduler(queues, systemClock),
      clock: systemClock,
      defaults: { locale: config.defaultLocale, timezone: config.defaultTimezone },
      logger,
    });
    const running = workers;
    web = createWebApp({
      config,
      prisma,
      redis,
      clock: systemClock,
      logger,
      events,
      healthChecks: running ? { workers: () => running.healthy() } : undefined,
      mountRoutes: queueDashboard(queues, config.admin),
    });
    const { port } = await web.start();
    logger.info({ port, socketMode: !!config.slack.appToken }, 'web receiver listening');
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
      if (workers) await workers.close();
      if (webQueues) await webQueues.close();
      await redis.quit().catch(() => undefined);
      if (workerPrisma && workerPrisma !== prisma) await workerPrisma.$disconnect();
      await prisma.$disconnect();
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
