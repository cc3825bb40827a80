import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { Redis } from 'ioredis';
import { ReminderIds } from '../../src/slack/outbound/ids';
import { ShiftedClock } from '../../src/time/clock';
import { visibleText } from '../support/harness';
import { postsByChannel, ScheduledHarness, seedActionBatch, spawnWorker } from '../support/scheduler';

/**
 * Exactly once, nothing lost: each test has its own workspace, queue prefix and fake Slack, and a
 * batch of reminders due at 09:00 Oslo time a couple of seconds after the pinned clock starts.
 */
const TUESDAY_0859 = '2027-03-30T08:59:58+02:00';
const DUE = '2027-03-30';

function seeded(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

function expectOncePerLeader(s: ScheduledHarness, leaders: string[]): void {
  const posts = postsByChannel(s.h);
  for (const l of leaders) expect([l, posts.get(`D${l.slice(1)}`) ?? 0]).toEqual([l, 1]);
}

async function waitDelivered(s: ScheduledHarness, leaders: string[], timeoutMs = 30000): Promise<void> {
  await s.h.slack.waitFor(() => leaders.every((l) => (postsByChannel(s.h).get(`D${l.slice(1)}`) ?? 0) >= 1), timeoutMs, `${leaders.length} reminders`);
}

async function ledgerOf(s: ScheduledHarness) {
  return s.h.prisma.delivery.findMany({ where: { workspaceId: s.h.teamId } });
}

/** The ledger once every claim is settled (the ts is recorded just after the post). */
async function settledLedger(s: ScheduledHarness, n: number) {
  for (let i = 0; i < 100; i++) {
    const rows = await ledgerOf(s);
    if (rows.length >= n && rows.every((d) => d.status !== 'CLAIMED')) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  return ledgerOf(s);
}

describe('delivery faults', () => {
  it('honours 429 Retry-After: 2 for the whole queue: all delivered after the wait, none twice', async () => {
    const s = await ScheduledHarness.start({ clock: new ShiftedClock(TUESDAY_0859) });
    try {
      const { leaderUserIds } = await seedActionBatch(s, 12, DUE, 'RL');
      s.h.slack.fail('chat.postMessage', { status: 429, retryAfter: 2 }, { times: 3 });
      await s.startWorkers();
      await waitDelivered(s, leaderUserIds);
      expectOncePerLeader(s, leaderUserIds);
      const rejected = s.h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429);
      expect(rejected).toHaveLength(3);
      const ledger = await settledLedger(s, 12);
      expect(ledger).toHaveLength(12);
      // A 429 certainly did not post: its claim was given back and claimed afresh (no "unknown outcome" takeover).
      expect(ledger.every((d) => d.status === 'SENT' && d.attempts === 1)).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('delivers everything once when 20% of posts fail with 500 (asking Slack before re-posting)', async () => {
    const s = await ScheduledHarness.start({ clock: new ShiftedClock(TUESDAY_0859) });
    try {
      const { leaderUserIds } = await seedActionBatch(s, 20, DUE, 'FV');
      s.h.slack.random = seeded(42);
      s.h.slack.fail('chat.postMessage', { status: 500 }, { times: Infinity, rate: 0.2 });
      await s.startWorkers();
      await waitDelivered(s, leaderUserIds);
      expectOncePerLeader(s, leaderUserIds);
      expect(s.h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 500).length).toBeGreaterThan(0);
      const ledger = await settledLedger(s, 20);
      expect(ledger).toHaveLength(20);
      expect(ledger.every((d) => d.status === 'SENT' && d.messageTs)).toBe(true);
      expect(ledger.some((d) => d.attempts > 1)).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('marks a permanent error failed without retrying, and tells the senior leader once', async () => {
    const s = await ScheduledHarness.start({ clock: new ShiftedClock(TUESDAY_0859) });
    try {
      // One senior leader with a leader Slack refuses to message (a workspace policy), another with
      // two reachable leaders. (A leader whose account is gone leaves instead: lifecycle.test.ts.)
      const { leaderUserIds: [gone], seniorUserId } = await seedActionBatch(s, 1, DUE, 'PE');
      const { leaderUserIds: fine } = await seedActionBatch(s, 2, DUE, 'PF');
      s.h.slack.fail('chat.postMessage', { error: 'restricted_action' }, { times: Infinity, match: (a) => a.channel === `D${gone.slice(1)}` });
      await s.startWorkers();
      await waitDelivered(s, fine);
      await s.h.slack.waitFor(() => (postsByChannel(s.h).get(`D${seniorUserId.slice(1)}`) ?? 0) >= 1, 10000, 'the notice to the senior leader');
      const failed = (await settledLedger(s, 4)).filter((d) => d.status === 'FAILED');
      expect(failed).toHaveLength(1);
      expect(failed[0].error).toBe('restricted_action');
      expect(failed[0].notifiedAt).not.toBeNull();
      // One attempt only, and one notice.
      expect(s.h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === `D${gone.slice(1)}`)).toHaveLength(1);
      const notices = s.h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === `D${seniorUserId.slice(1)}`);
      expect(notices).toHaveLength(1);
      expect(visibleText(notices[0].args.blocks)).toContain(`I could not deliver an action reminder to <@${gone}> (restricted_action)`);
      // App Home count for the senior leader.
      const home = await s.h.openHome(seniorUserId);
      expect(visibleText(home)).toContain('1 reminder could not be delivered');
      const n = s.h.slack.responses.length;
      await s.h.action(seniorUserId, { action_id: ReminderIds.failedWhy, type: 'button' }, { response_url: s.h.newResponseUrl() });
      const why = visibleText((await s.h.slack.waitForResponse(n + 1)).blocks);
      expect(why).toContain(`an action reminder → <@${gone}>: Slack refused it (restricted_action)`);
    } finally {
      await s.close();
    }
  });

  it('delivers each reminder of a batch exactly once after a worker is killed with SIGKILL mid-batch', async () => {
    const s = await ScheduledHarness.start({ clock: new ShiftedClock(TUESDAY_0859) });
    try {
      const { leaderUserIds } = await seedActionBatch(s, 30, DUE, 'KL');
      s.h.slack.latencyMs = 100;
      const first = await spawnWorker(s.h);
      await s.h.slack.waitFor(() => s.h.slack.callsOf('chat.postMessage').length >= 8, 20000, 'part of the batch');
      await first.stop('SIGKILL');
      const delivered = s.h.slack.callsOf('chat.postMessage').length;
      expect(delivered).toBeLessThan(30);
      const second = await spawnWorker(s.h);
      try {
        await waitDelivered(s, leaderUserIds, 40000);
        // A job cut short between the post and the ledger update comes back once its lock expires:
        // the new worker finds the post in the channel and records it instead of posting again.
        expect((await settledLedger(s, 30)).every((d) => d.status === 'SENT')).toBe(true);
      } finally {
        await second.stop('SIGTERM');
      }
      expectOncePerLeader(s, leaderUserIds);
    } finally {
      await s.close();
    }
  });

  it('shuts down in order on SIGTERM mid-batch: running jobs finish, nothing is left claimed, the next worker does the rest once', async () => {
    const s = await ScheduledHarness.start({ clock: new ShiftedClock(TUESDAY_0859) });
    try {
      const { leaderUserIds } = await seedActionBatch(s, 20, DUE, 'ST');
      s.h.slack.latencyMs = 150;
      const first = await spawnWorker(s.h);
      await s.h.slack.waitFor(() => s.h.slack.callsOf('chat.postMessage').length >= 5, 20000, 'part of the batch');
      expect(await first.stop('SIGTERM')).toBe(0);
      const ledger = await ledgerOf(s);
      expect(ledger.filter((d) => d.status === 'CLAIMED')).toEqual([]);
      expect(ledger.length).toBeLessThan(20);
      const second = await spawnWorker(s.h);
      try {
        await waitDelivered(s, leaderUserIds, 30000);
      } finally {
        await second.stop('SIGTERM');
      }
      expectOncePerLeader(s, leaderUserIds);
    } finally {
      await s.close();
    }
  });

  it('never double-sends with two worker processes on one Redis', async () => {
    const s = await ScheduledHarness.start({ clock: new ShiftedClock(TUESDAY_0859) });
    try {
      const { leaderUserIds } = await seedActionBatch(s, 30, DUE, 'TW');
      s.h.slack.latencyMs = 10;
      const [a, b] = await Promise.all([spawnWorker(s.h), spawnWorker(s.h)]);
      try {
        await waitDelivered(s, leaderUserIds, 30000);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
      expectOncePerLeader(s, leaderUserIds);
    } finally {
      await s.close();
    }
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

describe('Redis loses everything (a private redis-server, FLUSHALL)', () => {
  let port: number;
  let url: string;
  beforeAll(async () => {
    port = await freePort();
    execFileSync('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes']);
    url = `redis://127.0.0.1:${port}`;
    const probe = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
    for (let i = 0; i < 50; i++) {
      try {
        await probe.connect();
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await probe.quit();
  });
  afterAll(() => {
    execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore' });
  });

  it('restores every lost job from PostgreSQL at worker start, and never re-sends what the ledger shows sent', async () => {
    const s = await ScheduledHarness.start({ clock: new ShiftedClock('2027-03-30T08:59:56+02:00'), config: { redis: { mode: 'standalone', url } } });
    try {
      const { leaderUserIds, followUpIds } = await seedActionBatch(s, 10, DUE, 'FL');
      expect(await s.h.redis.keys(`${s.h.config.queuePrefix}:reminders:*`)).not.toHaveLength(0);
      await s.h.redis.flushall();
      expect(await s.h.redis.dbsize()).toBe(0);
      const workers = await s.startWorkers({ reconcileAtStart: true });
      await waitDelivered(s, leaderUserIds);
      expectOncePerLeader(s, leaderUserIds);

      // A crash between "sent" in the ledger and "done" on the reminder, then Redis lost again.
      const keys = (await settledLedger(s, 10)).map((d) => d.key);
      await s.h.prisma.reminder.updateMany({ where: { key: { in: keys } }, data: { status: 'SCHEDULED' } });
      await s.h.redis.flushall();
      const result = await workers.reconcile();
      expect(result.alreadySent).toBe(10);
      expect(result.followUps).toBe(followUpIds.length);
      // The tomorrow-reminders (next working day, still open) were planned again; none due now.
      expect(await s.h.prisma.reminder.count({ where: { key: { in: keys }, status: 'DONE' } })).toBe(10);
      expectOncePerLeader(s, leaderUserIds);
    } finally {
      await s.close();
    }
  });
});
