import type { Config } from '../src/config';
import type { WorkerTuning } from '../workflows';

/** The configuration a benchmark's workers run with: its fake Slack, its database and queue prefix. */
export function benchConfig(slack: { token: string; apiUrl: string }, databaseUrl: string, redisUrl: string, queuePrefix: string): Config {
  // The benchmarks run on one Redis server (BENCH_REDIS_URL); bench/chaos starts its own topologies.
  return {
    slack: { signingSecret: 'bench', botToken: slack.token, apiUrl: slack.apiUrl },
    databaseUrl,
    redis: { mode: 'standalone', url: redisUrl },
    port: 0,
    defaultLocale: 'en',
    defaultTimezone: 'Europe/Oslo',
    logLevel: 'silent',
    queuePrefix,
  };
}

/**
 * Only deliveries run while a benchmark measures them: no reconcile at start or on a tick, no
 * retention. (An `every` job scheduler runs at once when it is set up: until issue 9 the fanout
 * benchmark left the hourly full reconcile on, and it re-planned all 10,000 follow-ups during every
 * fan-out it measured.)
 */
export const DELIVERIES_ONLY: Partial<WorkerTuning> = {
  reconcileAtStart: false,
  reconcileEveryMs: 0,
  fullReconcileEveryMs: 0,
  retentionEveryMs: 0,
};
