import { FixedClock, Harness, randomId, visibleText } from '../support/harness';
import { acceptInvitation, goalValues, openModal, setupFollowUp, setupValues } from '../support/flows';
import { HomeIds, actionPattern } from '../../src/slack/ids';
import { GoalIds } from '../support/slackIds';
import { MilestoneViewIds } from '../../src/slack/features/milestone/views';
import { milestoneForm } from '../../src/slack/features/milestone/fields';
import { setupForm } from '../../src/slack/features/setup/fields';

// Thursday 26 November 2026, 10:00 in Oslo.
const clock = () => new FixedClock('2026-11-26T09:00:00Z');

describe('setup, goals and App Home, end to end', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ clock: clock() });
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows an empty App Home that explains how to start, in the user\'s language', async () => {
    const en = h.user('UEMPTYEN', { locale: 'en-US' });
    const nb = h.user('UEMPTYNB', { locale: 'nb-NO' });
    const viewEn = await h.openHome(en);
    expect(visibleText(viewEn)).toContain('Welcome to Follow-up');
    expect(visibleText(viewEn)).toContain('Start a follow-up');
    const viewNb = await h.openHome(nb);
    expect(visibleText(viewNb)).toContain('Velkommen til Oppfølging');
    expect(visibleText(viewNb)).toContain('Start en oppfølging');
  });

  it('starts a follow-up through the setup modal, tells both people, and shows the leader on App Home', async () => {
    const senior = h.user('USENIOR1', { locale: 'en-GB', tz: 'Europe/London' });
    const leader = h.user('ULEADER1', { locale: 'nb-NO', tz: 'Europe/Oslo' });
    const view = await openModal(h, senior, `setup <@${leader}|kari> <#CTEAM001|team>`);
    expect(visibleText(view)).toContain('Leader you follow up');
    const blocks = view.blocks as { block_id?: string; element?: Record<string, unknown> }[];
    expect(blocks.find((b) => b.block_id === setupForm.ids.leaderUserId.block)?.element?.initial_user).toBe(leader);
    expect(blocks.find((b) => b.block_id === setupForm.ids.teamChannelId.block)?.element?.initial_conversation).toBe('CTEAM001');
    expect(blocks.find((b) => b.block_id === setupForm.ids.startDate.block)?.element?.initial_date).toBe('2026-11-26');

    const before = h.slack.callsOf('chat.postMessage').length;
    const res = await h.submitView(senior, view, setupValues({ leader, channel: 'CTEAM001', oneToOne: 'WEEKLY', evaluation: '8' }));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').length >= before + 2);
    const posts = h.slack.callsOf('chat.postMessage').slice(before);
    const toSenior = posts.find((c) => c.args.channel === senior);
    const toLeader = posts.find((c) => c.args.channel === leader);
    expect(toSenior?.args.text).toContain(`Invitation sent to <@${leader}>`);
    expect(visibleText(toLeader?.args)).toContain('vil følge deg opp');
    expect(visibleText(toLeader?.args)).toContain('Godta');
    await acceptInvitation(h, senior, leader);
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.args.channel === senior && String(c.args.text).includes(`<@${leader}> accepted your follow-up`)));

    const row = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, senior: { slackUserId: senior } } });
    expect(row.oneToOneCadence).toBe('WEEKLY');
    expect(row.evaluationEveryWeeks).toBe(8);
    expect(row.teamChannelId).toBe('CTEAM001');
    expect(row.nextEvaluationOn?.toISOString().slice(0, 10)).toBe('2027-01-21');

    const home = visibleText(await h.openHome(senior));
    expect(home).toContain('Leaders you follow up');
    expect(home).toContain(`<@${leader}>`);
    expect(home).toContain('No goals yet');
  });

  it('edits the follow-up on a second setup instead of creating another', async () => {
    const senior = h.user('USENIOR2', { locale: 'en-GB' });
    const leader = h.user('ULEADER2', { locale: 'en-GB' });
    await setupFollowUp(h, senior, leader);
    const view = await openModal(h, senior, `setup <@${leader}>`);
    expect(visibleText(view)).toContain('Edit follow-up');
    await h.submitView(senior, view, setupValues({ leader, oneToOne: 'MONTHLY' }));
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.args.channel === senior && String(c.args.text).includes('updated')));
    const rows = await h.prisma.followUp.findMany({ where: { workspaceId: h.teamId, senior: { slackUserId: senior } } });
    expect(rows).toHaveLength(1);
    expect(rows[0].oneToOneCadence).toBe('MONTHLY');
  });

  it('creates a goal with criteria and milestones through the modal; both see it on App Home', async () => {
    const senior = h.user('USENIOR3', { locale: 'en-GB' });
    const leader = h.user('ULEADER3', { locale: 'nb-NO' });
    await setupFollowUp(h, senior, leader, { channel: 'CTEAM003' });
    const view = await openModal(h, senior, `goal <@${leader}>`);
    expect(visibleText(view)).toContain('Quantitative success criterion');
    const res = await h.submitView(
      senior,
      view,
      goalValues({
        leader,
        title: 'Raise employee satisfaction',
        expectations: 'Weekly team meetings; owns the onboarding process',
        qualitative: 'Staff say they are heard',
        metric: 'Employee satisfaction',
        unit: 'points',
        baseline: '3,5',
        target: '4.5',
        targetDate: '2027-06-30',
        milestones: [{ title: 'Survey the team', due: '2027-01-15' }, { title: 'Action plan agreed' }],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const goal = await h.prisma.goal.findFirstOrThrow({ where: { title: 'Raise employee satisfaction', followUp: { workspaceId: h.teamId } }, include: { milestones: true, revisions: true } });
    expect(goal.baseline).toBe(3.5);
    expect(goal.target).toBe(4.5);
    expect(goal.targetDate?.toISOString().slice(0, 10)).toBe('2027-06-30');
    expect(goal.milestones.map((m) => m.title).sort()).toEqual(['Action plan agreed', 'Survey the team']);
    expect(goal.revisions).toHaveLength(1);
    expect(goal.revisions[0].reason).toBe('created');

    // The leader is told, in bokmål.
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.args.channel === leader && String(c.args.text).includes('la til et mål for deg')));
    const seniorHome = visibleText(await h.openHome(senior));
    expect(seniorHome).toContain('Raise employee satisfaction');
    expect(seniorHome).toContain('0 %');
    const leaderHome = visibleText(await h.openHome(leader));
    expect(leaderHome).toContain('Min oppfølging');
    expect(leaderHome).toContain('Raise employee satisfaction');
    expect(leaderHome).toContain('Survey the team');
    // A bokmål reader's dates are written out by the server (Slack's tokens would read in English).
    expect(leaderHome).toContain('Survey the team – 15. januar 2027');
    expect(leaderHome).not.toContain('<!date');
  });

  it('lets the leader create their own goal, and a retried submission stores it once', async () => {
    const senior = h.user('USENIOR4', { locale: 'en-GB' });
    const leader = h.user('ULEADER4', { locale: 'en-GB' });
    await setupFollowUp(h, senior, leader);
    const view = await openModal(h, leader, 'mål');
    const blocks = view.blocks as { block_id?: string; element?: Record<string, unknown> }[];
    expect(blocks.find((b) => b.block_id === GoalIds.leaderBlock)?.element?.initial_user).toBe(leader);
    const values = goalValues({ leader, kind: 'PERSONAL', title: 'Delegate more' });
    const viewId = randomId('V');
    const first = await h.submitView(leader, view, values, { viewId });
    expect(first.body).toBe('');
    const second = await h.submitView(leader, view, values, { viewId });
    expect(second.body).toBe('');
    const goals = await h.prisma.goal.findMany({ where: { title: 'Delegate more', followUp: { workspaceId: h.teamId } } });
    expect(goals).toHaveLength(1);
    expect(goals[0].kind).toBe('PERSONAL');
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.args.channel === senior && String(c.args.text).includes('added a goal')));
  });

  it('opens the modals from App Home buttons', async () => {
    const senior = h.user('USENIOR5', { locale: 'en-GB' });
    const leader = h.user('ULEADER5', { locale: 'en-GB' });
    await setupFollowUp(h, senior, leader);
    const home = await h.openHome(senior);
    const buttons = (home.blocks as { type: string; elements?: { action_id: string; value?: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    const newGoal = buttons.find((e) => actionPattern(HomeIds.newGoalButton).test(e.action_id) && e.value === leader);
    expect(newGoal).toBeDefined();
    const n = h.slack.callsOf('views.open').length;
    await h.action(senior, { type: 'button', action_id: newGoal!.action_id, value: leader }, { view: { id: 'VHOME', type: 'home' } });
    const opened = await h.slack.waitForCall('views.open', n + 1);
    const view = opened.args.view as { callback_id: string; blocks: { block_id?: string; element?: Record<string, unknown> }[] };
    expect(view.callback_id).toBe(GoalIds.view);
    expect(view.blocks.find((b) => b.block_id === GoalIds.leaderBlock)?.element?.initial_user).toBe(leader);

    const edit = buttons.find((e) => actionPattern(HomeIds.editFollowUpButton).test(e.action_id));
    await h.action(senior, { type: 'button', action_id: edit!.action_id, value: edit?.value }, { view: { id: 'VHOME', type: 'home' } });
    const editView = (await h.slack.waitForCall('views.open', n + 2)).args.view;
    expect(visibleText(editView)).toContain('Edit follow-up');
  });

  it('refuses to open someone else\'s follow-up from a forged button value', async () => {
    const senior = h.user('USENIOR6', { locale: 'en-GB' });
    const leader = h.user('ULEADER6', { locale: 'en-GB' });
    const stranger = h.user('USTRANG6', { locale: 'en-GB' });
    await setupFollowUp(h, senior, leader);
    const fu = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, senior: { slackUserId: senior } } });
    const opens = h.slack.callsOf('views.open').length;
    const n = h.slack.callsOf('chat.postMessage').length;
    await h.action(stranger, { type: 'button', action_id: HomeIds.editFollowUpButton, value: fu.id }, { view: { id: 'VHOME', type: 'home' } });
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').slice(n).some((c) => c.args.channel === stranger));
    const reply = h.slack.callsOf('chat.postMessage').slice(n).find((c) => c.args.channel === stranger);
    expect(reply?.args.text).toBe('You do not have access to this.');
    expect(h.slack.callsOf('views.open').length).toBe(opens);
  });
  it('lets a leader mark a milestone reached from App Home, and drops the button when none is left', async () => {
    const senior = h.user('USENIOR7', { locale: 'en-GB' });
    const leader = h.user('ULEADER7', { locale: 'nb-NO' });
    await setupFollowUp(h, senior, leader, { channel: 'CTEAM007' });
    const goalView = await openModal(h, senior, `goal <@${leader}>`);
    await h.submitView(senior, goalView, goalValues({ leader, title: 'Small wins', milestones: [{ title: 'First win' }] }));
    const home = await h.openHome(leader);
    const buttons = (home.blocks as { type: string; elements?: { action_id: string; value?: string; text?: { text: string } }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    const reached = buttons.find((e) => e.action_id.startsWith('home_run_milestone_'));
    expect(reached?.text?.text).toBe('Delmål nådd');
    const n = h.slack.callsOf('views.open').length;
    await h.action(leader, { type: 'button', action_id: reached!.action_id, value: reached!.value }, { view: { id: 'VHOME', type: 'home' } });
    const view = (await h.slack.waitForCall('views.open', n + 1)).args.view as Record<string, unknown>;
    expect(view.callback_id).toBe(MilestoneViewIds.view);
    expect(visibleText(view)).toContain('First win');
    const milestone = await h.prisma.milestone.findFirstOrThrow({ where: { title: 'First win', goal: { followUp: { workspaceId: h.teamId } } } });
    const res = await h.submitView(leader, view, {
      [milestoneForm.ids.milestone.block]: { [milestoneForm.ids.milestone.action]: { type: 'static_select', selected_option: { value: milestone.id } } },
    });
    expect(res.body).toBe('');
    expect((await h.prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).doneAt).not.toBeNull();
    const after = await h.openHome(leader);
    expect(visibleText(after)).toContain('✅ First win');
    expect(visibleText(after)).not.toContain('Delmål nådd');
  });
});
