import { ShiftedClock } from '../../src/time/clock';
import { GoalEditIds } from '../../src/slack/ids';
import { visibleText } from '../support/harness';
import { ScheduledHarness } from '../support/scheduler';
import { eventually, seedFollowUp, seedGoal, settle } from '../support/steps';

const SENIOR = 'UGRSEN01';
const LEADER = 'UGRLEA01';

/**
 * A goal marked achieved is no longer reminded of: what was planned about it (a Reminder whose
 * subject is the goal, as a goal's kind plans it) is cancelled and leaves `/followup schedule`,
 * while what is planned about another, open goal stays.
 */
describe('an achieved goal cancels what was planned about it', () => {
  let s: ScheduledHarness;
  beforeAll(async () => {
    s = await ScheduledHarness.start({ clock: new ShiftedClock(new Date().toISOString()) });
    s.h.user(SENIOR, { locale: 'en-GB', tz: 'Europe/London' });
    s.h.user(LEADER, { locale: 'en-GB', tz: 'Europe/Oslo' });
  });
  afterAll(async () => {
    await settle(s.h);
    await s.close();
  });

  it('cancels the reminders about the goal the leader marks achieved, and only those', async () => {
    const { h } = s;
    const f = await seedFollowUp(h, SENIOR, LEADER);
    const achieved = await seedGoal(h, SENIOR, LEADER, { title: 'More customer meetings', metric: { name: 'meetings', unit: 'meetings', baseline: 10, target: 40 } });
    const open = await seedGoal(h, SENIOR, LEADER, { title: 'Fewer handovers', metric: null });
    const planAbout = (goalId: string, tag: string) =>
      h.prisma.reminder.create({
        data: { key: `goaltarget-${tag}-${goalId}`, workspaceId: h.teamId, kind: 'goal_target', recipientId: f.leaderId, subjectId: goalId, followUpId: f.id, dueAt: s.h.clock.now().plus({ days: 20 }).toJSDate(), payload: {} },
      });
    await planAbout(achieved.id, 'a');
    await planAbout(open.id, 'b');

    const listed = async () => {
      const n = h.slack.responses.length;
      await h.command(LEADER, 'schedule');
      return visibleText((await h.slack.waitForResponse(n + 1)).blocks);
    };
    expect((await listed()).match(/goal_target/g)).toHaveLength(2);

    await h.action(LEADER, { action_id: GoalEditIds.markAchievedButton, value: achieved.id, type: 'button' }, { response_url: h.newResponseUrl() });
    const statusOf = async (goalId: string) => (await h.prisma.reminder.findFirstOrThrow({ where: { subjectId: goalId } })).status;
    await eventually(async () => (await statusOf(achieved.id)) === 'CANCELLED', 'the achieved goal\'s reminder cancelled');
    await settle(h);
    expect(await statusOf(open.id)).toBe('SCHEDULED');
    expect((await listed()).match(/goal_target/g)).toHaveLength(1);
  });
});
