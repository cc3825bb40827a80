import type { Cluster } from 'ioredis';
import type { RedisTarget } from '../../src/config';
import { BullJobScheduler, createQueues, producerConnection } from '../../src/jobs/queues';
import { ShiftedClock } from '../../src/time/clock';
import { postsByChannel, ScheduledHarness, seedActionBatch } from '../support/scheduler';
import { startRedisCluster, type RedisClusterSet } from '../support/servers';

/**
 * Redis as most managed offerings run it: a Cluster of three primaries of our own
 * (`redis-cli --cluster create`, test/support/servers.ts). The queues keep every key under one
 * hash tag, the pacer's keys of one workspace share that workspace's slot, and reminders go out
 * once — through both the workers' and the request path's connections.
 */
let cluster: RedisClusterSet;
beforeAll(async () => {
  cluster = await startRedisCluster({ primaries: 3 });
}, 60000);
afterAll(async () => {
  await cluster?.stop();
});

it('a fan-out on a cluster: queue keys under one hash tag, pacer keys in the workspace slot, each reminder once', async () => {
  const redis: RedisTarget = { mode: 'cluster', nodes: cluster.nodes };
  const s = await ScheduledHarness.start({ clock: new ShiftedClock('2027-03-30T08:59:58+02:00'), config: { redis } });
  const producer = producerConnection(redis);
  try {
    const { leaderUserIds, followUpIds } = await seedActionBatch(s, 20, '2027-03-30', 'CL');
    // The request path's fail-fast connection queues on the cluster too (a replan, as a delivery asks).
    const queues = createQueues(producer, { prefix: s.h.config.queuePrefix });
    await new BullJobScheduler(queues, s.h.clock).scheduleReplan({ followUpId: followUpIds[0] }, 60_000);
    await s.startWorkers();
    await s.h.slack.waitFor(() => leaderUserIds.every((l) => (postsByChannel(s.h).get(`D${l.slice(1)}`) ?? 0) >= 1), 30000, '20 reminders');
    const posts = postsByChannel(s.h);
    for (const l of leaderUserIds) expect([l, posts.get(`D${l.slice(1)}`) ?? 0]).toEqual([l, 1]);

    const prefix = s.h.config.queuePrefix;
    const keys: string[] = [];
    for (const node of (s.h.redis as Cluster).nodes('master')) keys.push(...(await node.keys(`*${prefix}*`)));
    const queueKeys = keys.filter((k) => !k.startsWith(`${prefix}:pace:`));
    expect(queueKeys.length).toBeGreaterThan(0);
    expect(queueKeys.every((k) => k.startsWith(`{${prefix}}:`))).toBe(true);
    expect(queueKeys).toContain(`{${prefix}}:maintenance:replan-fu-${followUpIds[0]}`);
    const paceKeys = keys.filter((k) => k.startsWith(`${prefix}:pace:`));
    expect(paceKeys.length).toBeGreaterThan(0);
    expect(paceKeys.every((k) => k.startsWith(`${prefix}:pace:{${s.h.teamId}}:`))).toBe(true);
    await queues.close();
  } finally {
    producer.disconnect();
    await s.close();
  }
}, 60000);
