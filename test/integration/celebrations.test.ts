import { ShiftedClock } from '../../src/time/clock';
import { dayToDate } from '../../src/time/dates';
import { MilestoneIds } from '../../src/slack/ids';
import { visibleText } from '../support/harness';
import { ScheduledHarness } from '../support/scheduler';

/**
 * Celebrations in the leader's team channel, within seconds of a milestone or goal being done,
 * once, in the team channel's language (the follow-up's, else the workspace's — never the leader's own),
 * with the goal's journey.
 */
describe('celebrations', () => {
  let s: ScheduledHarness;
  beforeAll(async () => {
    s = await ScheduledHarness.start({ clock: new ShiftedClock('2027-05-12T13:00:00+02:00') });
    await s.startWorkers();
  });
  afterAll(async () => {
    await s.close();
  });

  async function seed(tag: string, channel: string, leaderLocale: string, workspaceLocale: 'nb' | 'en' | null) {
    const { h } = s;
    await h.prisma.workspace.upsert({ where: { id: h.teamId }, create: { id: h.teamId, defaultLocale: workspaceLocale }, update: { defaultLocale: workspaceLocale } });
    const fetched = { profileFetchedAt: new Date(), slackTz: 'Europe/Oslo' };
    const seniorUser = h.user(`US${tag}`, { locale: 'en-GB' });
    const leaderUser = h.user(`UL${tag}`, { locale: leaderLocale });
    const senior = await h.prisma.person.create({ data: { workspaceId: h.teamId, slackUserId: seniorUser, slackLocale: 'en-GB', ...fetched } });
    const leader = await h.prisma.person.create({ data: { workspaceId: h.teamId, slackUserId: leaderUser, slackLocale: leaderLocale, ...fetched } });
    const f = await h.prisma.followUp.create({
      data: { workspaceId: h.teamId, seniorId: senior.id, leaderId: leader.id, teamChannelId: channel, oneToOneCadence: 'MONTHLY', reflectionCadence: 'NONE', startDate: dayToDate('2027-03-01') },
    });
    const goal = await h.prisma.goal.create({
      data: {
        followUpId: f.id,
        kind: 'PROFESSIONAL',
        title: 'Raise team satisfaction',
        metricName: 'satisfaction',
        metricUnit: '%',
        baseline: 20,
        target: 80,
        currentValue: 60.5,
        createdById: senior.id,
        milestones: { create: [{ title: 'Run the first survey', position: 1 }, { title: 'Share the results', position: 2 }, { title: 'Agree on actions', position: 3 }] },
      },
      include: { milestones: { orderBy: { position: 'asc' } } },
    });
    return { seniorUser, leaderUser, senior, leader, f, goal };
  }

  const postsIn = (channel: string) => s.h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel && c.ts);

  it('celebrates a milestone once even when it is reported twice at the same moment, in the workspace language', async () => {
    const { goal, leaderUser } = await seed('CM1', 'C0CELEB1', 'en-GB', 'nb');
    const m = goal.milestones[0];
    await s.h.prisma.milestone.update({ where: { id: m.id }, data: { doneAt: s.h.clock.now().toJSDate() } });
    await Promise.all([s.events.handle({ type: 'milestoneDone', id: m.id }), s.events.handle({ type: 'milestoneDone', id: m.id })]);
    await s.h.slack.waitFor(() => postsIn('C0CELEB1').length >= 1, 10000, 'the celebration');
    // Reported once more later (a Slack retry): still one.
    await s.events.handle({ type: 'milestoneDone', id: m.id });
    const result = await s.workers!.reconcile();
    expect(result.celebrations).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(postsIn('C0CELEB1')).toHaveLength(1);
    const text = visibleText(postsIn('C0CELEB1')[0].args.blocks);
    expect(text).toContain(`<@${leaderUser}> har nådd et delmål: *Run the first survey* — et steg mot *Raise team satisfaction*`);
    // Dates in a bokmål message are written out on the server (Slack would render a token in English).
    expect(text).toMatch(/Veien hit: startet \d{1,2}\. [a-zæøå]+( \d{4})? ·/);
    expect(text).not.toContain('<!date');
    expect(text).toContain('% 20 → 60,5 (målverdi 80)');
    expect(text).toContain('1 av 3 delmål');
    expect(text).toContain('Feir med en reaksjon');
    const d = await s.h.prisma.delivery.findUniqueOrThrow({ where: { key: `cel-milestone-${m.id}` } });
    expect(d.status).toBe('SENT');
  });

  it('posts in the follow-up\'s team-channel language, not the workspace\'s or the leader\'s', async () => {
    const { goal, leaderUser, f } = await seed('CT1', 'C0CELEB5', 'en-GB', 'en');
    await s.h.prisma.followUp.update({ where: { id: f.id }, data: { teamLocale: 'nb' } });
    const m = goal.milestones[1];
    await s.h.prisma.milestone.update({ where: { id: m.id }, data: { doneAt: s.h.clock.now().toJSDate() } });
    await s.events.handle({ type: 'milestoneDone', id: m.id });
    await s.h.slack.waitFor(() => postsIn('C0CELEB5').length >= 1, 10000, 'the celebration');
    const text = visibleText(postsIn('C0CELEB5')[0].args.blocks);
    expect(text).toContain(`<@${leaderUser}> har nådd et delmål: *Share the results*`);
    expect(text).toMatch(/Veien hit: startet \d{1,2}\. [a-zæøå]+( \d{4})? ·/);
    expect(text).not.toContain('<!date');
  });

  it('posts one celebration when the same milestone is marked done from two buttons at once', async () => {
    const { goal, seniorUser, leaderUser } = await seed('CB1', 'C0CELEB4', 'en-GB', 'en');
    const m = goal.milestones[2];
    await Promise.all([
      s.h.action(seniorUser, { action_id: `${MilestoneIds.doneButton}_1`, value: m.id, type: 'button' }, { response_url: s.h.newResponseUrl() }),
      s.h.action(leaderUser, { action_id: MilestoneIds.doneButton, value: m.id, type: 'button' }, { response_url: s.h.newResponseUrl() }),
    ]);
    await s.h.slack.waitFor(() => postsIn('C0CELEB4').length >= 1, 10000, 'the celebration');
    const delivery = await waitFor(() => s.h.prisma.delivery.findUnique({ where: { key: `cel-milestone-${m.id}` } }), (d) => d?.status === 'SENT');
    expect(delivery?.status).toBe('SENT');
    await s.workers!.reconcile();
    await new Promise((r) => setTimeout(r, 300));
    expect(postsIn('C0CELEB4')).toHaveLength(1);
    expect(visibleText(postsIn('C0CELEB4')[0].args.blocks)).toContain('reached a milestone: *Agree on actions*');
  });

  it('gives an achieved goal a bigger message, in the app\'s default language when neither the follow-up nor the workspace has one, joining a public channel first', async () => {
    const { goal, leaderUser, f } = await seed('CG1', 'C0CELEB2', 'en-US', null);
    s.h.slack.fail('chat.postMessage', { error: 'not_in_channel' }, { times: 1, match: (a) => a.channel === 'C0CELEB2' });
    await s.h.prisma.goal.update({ where: { id: goal.id }, data: { status: 'ACHIEVED', achievedAt: s.h.clock.now().toJSDate(), currentValue: 82 } });
    await s.events.handle({ type: 'goalAchieved', id: goal.id });
    await s.h.slack.waitFor(() => postsIn('C0CELEB2').length >= 1, 10000, 'the goal celebration');
    expect(s.h.slack.callsOf('conversations.join').map((c) => c.args.channel)).toContain('C0CELEB2');
    const call = postsIn('C0CELEB2')[0];
    const blocks = call.args.blocks as { type: string }[];
    expect(blocks[0].type).toBe('header');
    const text = visibleText(blocks);
    expect(text).toContain('🎉 Goal achieved!');
    expect(text).toContain(`<@${leaderUser}> has achieved the goal *Raise team satisfaction*`);
    expect(text).toContain('% 20 → 82 (target 80)');
    expect(text).toContain('Celebrate with a reaction');
    expect(f.teamChannelId).toBe('C0CELEB2');
  });

  it('tells the senior leader once to invite the app when a private team channel refuses the post', async () => {
    const { goal, seniorUser } = await seed('CP1', 'G0PRIVATE', 'en-GB', 'en');
    s.h.slack.fail('chat.postMessage', { error: 'not_in_channel' }, { times: Infinity, match: (a) => a.channel === 'G0PRIVATE' });
    s.h.slack.fail('conversations.join', { error: 'method_not_supported_for_channel_type' }, { times: Infinity, match: (a) => a.channel === 'G0PRIVATE' });
    const [m1, m2] = goal.milestones;
    await s.h.prisma.milestone.updateMany({ where: { id: { in: [m1.id, m2.id] } }, data: { doneAt: s.h.clock.now().toJSDate() } });
    await s.events.handle({ type: 'milestoneDone', id: m1.id });
    const dm = `D${seniorUser.slice(1)}`;
    await s.h.slack.waitFor(() => s.h.slack.callsOf('chat.postMessage').some((c) => c.args.channel === dm), 10000, 'the notice');
    const notice = s.h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === dm);
    expect(notice).toHaveLength(1);
    expect(visibleText(notice[0].args.blocks)).toContain('I could not post a celebration in <#G0PRIVATE>: I am not a member of that private channel');
    const d = await s.h.prisma.delivery.findUniqueOrThrow({ where: { key: `cel-milestone-${m1.id}` } });
    expect([d.status, d.error]).toEqual(['FAILED', 'not_in_channel']);
    // The second milestone was never reported: the reconciler finds it and tries (and fails) once too.
    const before = s.h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'G0PRIVATE').length;
    await s.workers!.reconcile();
    await s.h.slack.waitFor(
      () => s.h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'G0PRIVATE').length > before,
      10000,
      'the reconciled celebration attempt',
    );
    const failed2 = await waitFor(() => s.h.prisma.delivery.findUnique({ where: { key: `cel-milestone-${m2.id}` } }), (x) => x?.status === 'FAILED');
    expect(failed2?.error).toBe('not_in_channel');
  });

  it('celebrates a milestone that was marked done while no event reached the scheduler (reconciler)', async () => {
    const { goal } = await seed('CR1', 'C0CELEB3', 'en-GB', 'en');
    const m = goal.milestones[1];
    await s.h.prisma.milestone.update({ where: { id: m.id }, data: { doneAt: s.h.clock.now().toJSDate() } });
    const result = await s.workers!.reconcile();
    expect(result.celebrations).toBeGreaterThanOrEqual(1);
    await s.h.slack.waitFor(() => postsIn('C0CELEB3').length >= 1, 10000, 'the reconciled celebration');
    expect(visibleText(postsIn('C0CELEB3')[0].args.blocks)).toContain('reached a milestone: *Share the results*');
  });
});

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}
