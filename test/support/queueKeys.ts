import type { Redis } from 'ioredis';
import type { RedisClient } from '../../src/jobs/redis';

/**
 * Deletes every key under a queue prefix (a test's or a benchmark's), never the rest of a shared
 * Redis. On a cluster: on every primary, and the queues' hash-tagged `{prefix}:` keys too.
 */
export async function deleteQueueKeys(redis: RedisClient, prefix: string): Promise<number> {
  const servers: Redis[] = redis.isCluster ? (redis as import('ioredis').Cluster).nodes('master') : [redis as Redis];
  let n = 0;
  for (const server of servers) {
    for (const pattern of [`${prefix}:*`, `{${prefix}}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await server.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        // One key at a time on a cluster (keys of one call must share a slot).
        for (const key of keys) n += await server.del(key);
      } while (cursor !== '0');
    }
  }
  return n;
}
