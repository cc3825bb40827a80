/**
 * A worker process for tests (started with node --require scripts/ts-register.js): the real
 * startWorkers on the test's Postgres, Redis prefix and fake Slack, with the parent's clock.
 * Prints "ready" when its workers run; SIGTERM shuts down in order; SIGKILL is the crash test.
 */
import { DateTime } from 'luxon';
import type { Config, RedisTarget } from '../../src/config';
import { redisConnection } from '../../src/jobs/redis';
import { createPrisma, WORKER_POOL } from '../../src/data/prisma';
import { createLogger } from '../../src/logger';
import { ShiftedClock } from '../../src/time/clock';
import { startWorkers } from '../../workflows';
import { TEST_TUNING } from './scheduler';

async function main(): Promise<void> {
  const env = process.env;
  const config: Config = {
    slack: { signingSecret: 'x', botToken: env.CHILD_BOT_TOKEN!, apiUrl: env.CHILD_SLACK_API_URL },
    databaseUrl: env.TEST_DATABASE_URL!,
    redis: JSON.parse(env.CHILD_REDIS!) as RedisTarget,
    port: 0,
    defaultLocale: 'en',
    defaultTimezone: 'Europe/Oslo',
    logLevel: (env.TEST_LOG_LEVEL as Config['logLevel']) ?? 'silent',
    queuePrefix: env.CHILD_QUEUE_PREFIX!,
  };
  const clock = new ShiftedClock(DateTime.fromMillis(Date.now() + Number(env.CHILD_CLOCK_OFFSET_MS ?? '0')));
  const prisma = createPrisma(config.databaseUrl, { max: 4, ...WORKER_POOL });
  const redis = redisConnection(config.redis, 'worker');
  const workers = await startWorkers({
    config,
    prisma,
    redis,
    clock,
    logger: createLogger(config.logLevel),
    tuning: { ...TEST_TUNING, workspaces: [env.CHILD_TEAM_ID!], ...(env.CHILD_TUNING ? JSON.parse(env.CHILD_TUNING) : {}) },
  });
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    void (async () => {
      await workers.close();
      await redis.quit();
      await prisma.$disconnect();
      process.exit(0);
    })();
  });
}

main().catch((err) => {
  process.stderr.write(`worker child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
