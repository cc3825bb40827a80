import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisTarget } from '../config';

/** A connection to Redis as the app reaches it: one server, a Sentinel-managed primary, or a cluster. */
export type RedisClient = Redis | Cluster;

/**
 * What the connection is for:
 * - `worker`: BullMQ workers, the pacer, the reconciler. They wait for Redis (`maxRetriesPerRequest:
 *   null`, an offline queue): a failover or a restart is a pause, and they resume on their own.
 * - `producer`: the request path (slash commands, modals). It fails fast while Redis is away — no
 *   offline queue, one retry, 1 s timeouts — so an answer never waits on Redis (see src/jobs/queues.ts).
 */
export type RedisRole = 'worker' | 'producer';

/**
 * The prefix of every BullMQ key. On a cluster BullMQ needs all of a queue's keys in one slot: the
 * prefix becomes one hash tag, `{followup}`, so every queue of the app lives in that slot (BullMQ's
 * scripts also move jobs between the app's queues' keys). Elsewhere it stays as it was
 * (`followup`), so an existing deployment keeps its keys.
 */
export function queueKeyPrefix(connection: RedisClient, prefix: string): string {
  return connection.isCluster ? `{${prefix}}` : prefix;
}

/** A server that answers READONLY was a primary and is a replica now (a failover): reconnect and resend. */
function reconnectOnReadonly(err: Error): boolean | 1 | 2 {
  return err.message.startsWith('READONLY') ? 2 : false;
}

function roleOptions(role: RedisRole): RedisOptions {
  return role === 'worker'
    ? { maxRetriesPerRequest: null, reconnectOnError: reconnectOnReadonly }
    : {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 1000,
        commandTimeout: 1000,
        // Keep reconnecting in the background (at most every 2 s): it is back as soon as Redis is.
        retryStrategy: (times: number) => Math.min(times * 200, 2000),
        reconnectOnError: reconnectOnReadonly,
      };
}

/** Opens a connection to the configured Redis for one role. Errors go to `onError` (never unhandled). */
export function redisConnection(target: RedisTarget, role: RedisRole, onError?: (err: Error) => void): RedisClient {
  const options = roleOptions(role);
  let client: RedisClient;
  if (target.mode === 'standalone') {
    client = new Redis(target.url, options);
  } else if (target.mode === 'sentinel') {
    client = new Redis({
      ...options,
      sentinels: target.sentinels,
      name: target.masterName,
      ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      ...(target.tls ? { tls: {}, enableTLSForSentinelMode: true, sentinelTLS: {} } : {}),
      // Asking a sentinel where the primary is must not hang the producer's 1-second budget either.
      ...(role === 'producer' ? { sentinelCommandTimeout: 1000 } : {}),
      // Subscribe to the sentinels' +switch-master: reconnect at once when they promote a replica.
      failoverDetector: true,
    });
  } else {
    const redisOptions: RedisOptions = {
      ...options,
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      ...(target.tls ? { tls: {} } : {}),
    };
    const clusterOptions: ClusterOptions = {
      redisOptions,
      // Workers ride out a primary's failover (CLUSTERDOWN, MOVED) by waiting; producers fail fast.
      enableOfflineQueue: role === 'worker',
      retryDelayOnClusterDown: 300,
      retryDelayOnFailover: 200,
      ...(role === 'producer' ? { maxRedirections: 4, clusterRetryStrategy: (times: number) => Math.min(times * 200, 2000) } : { clusterRetryStrategy: (times: number) => Math.min(100 + times * 200, 2000) }),
      // Managed clusters with TLS (e.g. ElastiCache) present certificates for their DNS names:
      // connect to the names the cluster reports, not to resolved addresses.
      ...(target.tls ? { dnsLookup: (address: string, callback: (err: Error | null, address: string) => void) => callback(null, address) } : {}),
    };
    client = new Cluster(target.nodes, clusterOptions);
  }
  client.on('error', (err: Error) => onError?.(err));
  return client;
}

/** A readable name of the target for logs (never a password). */
export function describeRedis(target: RedisTarget): string {
  if (target.mode === 'standalone') return 'redis';
  if (target.mode === 'sentinel') return `sentinel ${target.masterName} via ${target.sentinels.map((s) => `${s.host}:${s.port}`).join(',')}`;
  return `cluster via ${target.nodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
}
