import { startLocalWorkspace, type RunningLocalWorkspace } from '../../src/local/start';
import { randomId } from '../support/harness';

/**
 * A local workspace for one test: the test database and Redis, its own queue prefix and its own
 * team id (test files run two at a time on one database: a journey must never find another run's
 * follow-ups), a free port, the clock at Monday 7 December 2026 09:00 in Oslo.
 */
export const START = '2026-12-07T08:00:00Z';

export function startTestWorkspace(): Promise<RunningLocalWorkspace> {
  return startLocalWorkspace({
    port: 0,
    databaseUrl: process.env.TEST_DATABASE_URL,
    redisUrl: process.env.TEST_REDIS_URL,
    queuePrefix: randomId('q', 12),
    teamId: randomId('TLOC', 8),
    startAt: START,
  });
}
