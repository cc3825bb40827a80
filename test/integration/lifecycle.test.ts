import { createWebApp } from '../../src/app';
import { createQueues, type Queues } from '../../src/jobs/queues';
import { createLogger } from '../../src/logger';
import { ShiftedClock } from '../../src/time/clock';
import { randomId } from '../support/harness';
import { dmChannelOf, ScheduledHarness, seedActionBatch } from '../support/scheduler';

/** Slack lifecycle: reinstall, a person who leaves, admin checks that fail closed, no team id. */
const TUESDAY_0859 = '2027-03-30T08:59:57+02:00';
const DUE = '2027-03-30';

const LEFT = {
  'en-GB': 'is no longer in this Slack workspace, so the follow-up has ended',
  'nb-NO': 'er ikke lenger i dette Slack-arbeidsområdet, så oppfølgingen er avsluttet',
} as const;

function postsTo(s: ScheduledHarness, userId: string): string[] {
  return s.h.slack.callsOf('chat.postMessage').filter((c) => c.ts && c.args.channel === dmChannelOf(userId)).map((c) => String(c.args.text));
}

async function reminderOf(s: ScheduledHarness, followUpId: string) {
  return s.h.prisma.reminder.findMany({ where: { followUpId } });
}

describe('Slack lifecycle', () => {
  describe.each(['en-GB', 'nb-NO'] as const)('in %s', (locale) => {
    let s: ScheduledHarness;
    let queues: Queues;
    beforeEach(async () => {
      s = await ScheduledHarness.start({ clock: new ShiftedClock(TUESDAY_0859) });
      queues = createQueues(s.h.redis, { prefix: s.h.config.queuePrefix });
    });
    afterEach(async () => {
      await queues.close();
      await s.close();
    });

    it('after app_uninstalled and a reinstall, the first request makes the workspace active and re-plans its reminders', async () => {
      const { seniorUserId, followUpIds } = await seedActionBatch(s, 1, '2027-04-06', randomId('', 4), locale);
      const [planned] = await reminderOf(s, followUpIds[0]);
      expect(planned.status).toBe('SCHEDULED');
      expect(await s.h.event({ type: 'app_uninstalled' })).toMatchObject({ status: 200 });
      await s.h.slack.waitFor(() => false, 300).catch(() => undefined);
      expect((await s.h.prisma.workspace.findUniqueOrThrow({ where: { id: s.h.teamId } })).uninstalledAt).not.toBeNull();
      // The hourly full reconcile stops everything of an uninstalled workspace.
      await s.events.handle({ type: 'followUpChanged', id: followUpIds[0] });
      expect((await reminderOf(s, followUpIds[0]))[0].status).toBe('CANCELLED');
      await queues.reminders.getJob(planned.key).then((j) => j?.remove());

      // Reinstalled: the senior leader opens App Home (an authorised request).
      await s.h.openHome(seniorUserId);
      await s.h.slack.waitFor(() => false, 500).catch(() => undefined);
      for (let i = 0; i < 50 && (await reminderOf(s, followUpIds[0]))[0].status !== 'SCHEDULED'; i++) await new Promise((r) => setTimeout(r, 100));
      expect((await s.h.prisma.workspace.findUniqueOrThrow({ where: { id: s.h.teamId } })).uninstalledAt).toBeNull();
      expect((await reminderOf(s, followUpIds[0]))[0].status).toBe('SCHEDULED');
      expect(await (await queues.reminders.getJob(planned.key))?.getState()).toBe('delayed');
    });

    it('a successful auth.test at start makes an uninstalled workspace active again and re-plans its reminders', async () => {
      const { followUpIds } = await seedActionBatch(s, 1, '2027-04-06', randomId('', 4), locale);
      expect((await s.h.event({ type: 'app_uninstalled' })).status).toBe(200);
      for (let i = 0; i < 50 && !(await s.h.prisma.workspace.findUniqueOrThrow({ where: { id: s.h.teamId } })).uninstalledAt; i++) await new Promise((r) => setTimeout(r, 50));
      await s.events.handle({ type: 'followUpChanged', id: followUpIds[0] });
      expect((await reminderOf(s, followUpIds[0]))[0].status).toBe('CANCELLED');
      // The app restarts with the token of the reinstalled workspace.
      s.h.slack.teamId = s.h.teamId;
      const restarted = createWebApp({ config: { ...s.h.config, port: 0 }, prisma: s.h.prisma, redis: s.h.redis, clock: s.h.clock, logger: createLogger('silent'), events: s.events });
      await restarted.start();
      try {
        for (let i = 0; i < 50 && (await reminderOf(s, followUpIds[0]))[0].status !== 'SCHEDULED'; i++) await new Promise((r) => setTimeout(r, 100));
        expect((await s.h.prisma.workspace.findUniqueOrThrow({ where: { id: s.h.teamId } })).uninstalledAt).toBeNull();
        expect((await reminderOf(s, followUpIds[0]))[0].status).toBe('SCHEDULED');
      } finally {
        await restarted.stop();
      }
    });

    it('a person deactivated in Slack (user_change deleted): follow-ups end, reminders stop, the other person is told once', async () => {
      const { seniorUserId, leaderUserIds, followUpIds } = await seedActionBatch(s, 1, '2027-04-06', randomId('', 4), locale);
      await s.startWorkers();
      const leader = leaderUserIds[0];
      const event = { type: 'user_change', user: { id: leader, team_id: s.h.teamId, deleted: true } };
      expect((await s.h.event(event)).status).toBe(200);
      await s.h.slack.waitFor(() => postsTo(s, seniorUserId).length >= 1, 10000, 'the notice to the senior leader');
      expect((await s.h.event(event)).status).toBe(200); // Slack retries, or sends it twice
      await new Promise((r) => setTimeout(r, 1500));
      const notices = postsTo(s, seniorUserId);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(LEFT[locale]);
      expect(notices[0]).toContain(`<@${leader}>`);
      const f = await s.h.prisma.followUp.findUniqueOrThrow({ where: { id: followUpIds[0] } });
      expect([f.status, f.endedReason]).toEqual(['ENDED', 'person_left']);
      expect((await reminderOf(s, followUpIds[0])).map((r) => r.status)).toEqual(['CANCELLED']);
      expect((await s.h.prisma.person.findFirstOrThrow({ where: { workspaceId: s.h.teamId, slackUserId: leader } })).deleted).toBe(true);
      expect(postsTo(s, leader)).toHaveLength(0);
    });

    it('account_inactive from a post: the person is marked gone, nothing is retried, the other person is told once', async () => {
      const { seniorUserId, leaderUserIds, followUpIds } = await seedActionBatch(s, 1, DUE, randomId('', 4), locale);
      const leader = leaderUserIds[0];
      s.h.slack.fail('chat.postMessage', { error: 'account_inactive' }, { times: Infinity, match: (a) => a.channel === dmChannelOf(leader) });
      await s.startWorkers();
      await s.h.slack.waitFor(() => postsTo(s, seniorUserId).length >= 1, 15000, 'the notice to the senior leader');
      await new Promise((r) => setTimeout(r, 1500));
      const notices = postsTo(s, seniorUserId);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(LEFT[locale]);
      const attempts = s.h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === dmChannelOf(leader)).length;
      expect(attempts).toBe(1);
      expect((await s.h.prisma.followUp.findUniqueOrThrow({ where: { id: followUpIds[0] } })).status).toBe('ENDED');
      // The notice itself is marked done once its delivery is recorded: wait for that, not a fixed time.
      const scheduled = () => s.h.prisma.reminder.count({ where: { workspaceId: s.h.teamId, status: 'SCHEDULED' } });
      for (let i = 0; i < 100 && (await scheduled()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await scheduled()).toBe(0);
    });
  });
});
