import type { RedisTarget } from '../../src/config';
import { ShiftedClock } from '../../src/time/clock';
import { visibleText } from '../support/harness';
import { postsByChannel, ScheduledHarness, seedActionBatch } from '../support/scheduler';
import { startSentinelSet, type SentinelSet } from '../support/servers';

/**
 * Redis as operators run it with Sentinel: a primary, a replica and three sentinels of our own
 * (test/support/servers.ts). The primary is SIGKILLed in the middle of a fan-out: the sentinels
 * promote the replica, the app's connections find it through them, and the people see a pause,
 * not an error — every reminder once, commands answered meanwhile.
 */
const TUESDAY_0859 = '2027-03-30T08:59:58+02:00';
const DUE = '2027-03-30';
const N = 40;

let set: SentinelSet;
beforeAll(async () => {
  set = await startSentinelSet({ downAfterMs: 1000 });
}, 60000);
afterAll(async () => {
  await set?.stop();
});

it('the primary SIGKILLed mid fan-out: a pause, not an error — commands answer within 3 s, every reminder delivered exactly once', async () => {
  const redis: RedisTarget = { mode: 'sentinel', sentinels: set.sentinels, masterName: set.masterName };
  const s = await ScheduledHarness.start({ clock: new ShiftedClock(TUESDAY_0859), config: { redis } });
  try {
    const { leaderUserIds } = await seedActionBatch(s, N, DUE, 'SF');
    // Slack's pace (about 9 posts a second after a burst of 10) spreads the fan-out over seconds.
    s.h.slack.latencyMs = 20;
    const workers = await s.startWorkers();
    const posted = () => s.h.slack.callsOf('chat.postMessage').filter((c) => c.ts);
    await s.h.slack.waitFor(() => posted().length >= 5, 20000, 'the fan-out to start');

    const killedAt = Date.now();
    const before = posted().length;
    const oldPort = await set.killPrimary();

    // Meanwhile a person runs a command: answered within 3 s.
    const n = s.h.slack.responses.length;
    await s.h.command('USSF0', 'help');
    const answer = await s.h.slack.waitForResponse(n + 1, 3000);
    const answeredMs = Date.now() - killedAt;
    expect(answeredMs).toBeLessThan(3000);
    expect(visibleText(answer.blocks)).toContain('How to use /followup');

    const newPort = await set.waitForFailover(oldPort);
    expect(newPort).not.toBe(oldPort);
    await s.h.slack.waitFor(() => leaderUserIds.every((l) => (postsByChannel(s.h).get(`D${l.slice(1)}`) ?? 0) >= 1), 45000, `${N} reminders`);
    // The pause: the longest gap between two posts after the kill (posts under way when it came still land).
    const times = [killedAt, ...posted().map((c) => c.at).filter((at) => at > killedAt)].sort((a, b) => a - b);
    const pause = Math.max(...times.slice(1).map((t, i) => t - times[i]));
    process.stdout.write(`\nSentinel failover mid fan-out: ${before}/${N} posted before the kill; longest pause between posts ${pause} ms; all ${N} delivered ${times[times.length - 1] - killedAt} ms after the kill; /followup help answered in ${answeredMs} ms\n`);

    // Exactly once, nothing failed for good, no job left failed.
    const posts = postsByChannel(s.h);
    for (const l of leaderUserIds) expect([l, posts.get(`D${l.slice(1)}`) ?? 0]).toEqual([l, 1]);
    for (let i = 0; i < 50 && (await s.h.prisma.delivery.count({ where: { workspaceId: s.h.teamId, status: 'CLAIMED' } })) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    const ledger = await s.h.prisma.delivery.findMany({ where: { workspaceId: s.h.teamId } });
    expect(ledger).toHaveLength(N);
    expect(ledger.every((d) => d.status === 'SENT')).toBe(true);
    expect(await workers.queues.reminders.getFailedCount()).toBe(0);
  } finally {
    await s.close();
  }
}, 90000);
