import { Harness, randomId, visibleText } from '../support/harness';
import { MilestoneIds } from '../../src/slack/ids';
import { GoalEditIds } from '../support/slackIds';
import { CheckInIds } from '../../src/slack/features/checkin/views';
import { checkInForm } from '../../src/slack/features/checkin/fields';
import { milestoneForm } from '../../src/slack/features/milestone/fields';
import {
  LONG_TEXT,
  MIXED,
  actorOf,
  commandReply,
  date,
  dmsTo,
  eventually,
  isoDayIn,
  openModal,
  radio,
  recordEvents,
  seedFollowUp,
  settle,
  seedGoal,
  select,
  submit,
  text,
  waitForDm,
} from '../support/steps';

const SENIOR = 'UCKSEN01';
const LEADER = 'UCKLEAD1';
const OTHER_LEADER = 'UCKLEAD2';
const OTHER_SENIOR = 'UCKSEN02';
const STRANGER = 'UCKSTRA1';

function checkInValues(goalId: string, value: string | null, confidence: string | null, note: string | null = null) {
  return {
    [checkInForm.ids.goal.block]: { [checkInForm.ids.goal.action]: select(goalId) },
    [checkInForm.ids.value.block]: { [checkInForm.ids.value.action]: text(value) },
    [checkInForm.ids.confidence.block]: { [checkInForm.ids.confidence.action]: radio(confidence) },
    [checkInForm.ids.note.block]: { [checkInForm.ids.note.action]: text(note) },
  };
}

describe('/followup checkin, goal edit and milestone', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
    h.user(SENIOR, { locale: 'en-GB', tz: 'Europe/London' });
    h.user(LEADER, { locale: 'nb-NO', tz: 'Europe/Oslo' });
    h.user(OTHER_LEADER, { locale: 'en-US' });
    h.user(OTHER_SENIOR, { locale: 'en-US' });
    h.user(STRANGER, { locale: 'en-US', is_admin: true });
    await seedFollowUp(h, SENIOR, LEADER);
    await seedFollowUp(h, OTHER_SENIOR, OTHER_LEADER);
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  it('a leader logs progress in bokmål with "3,5": goal updated, progress bar, senior told in English, App Homes refreshed', async () => {
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'Økt trivsel', milestones: ['Første teammøte'] });
    const view = await openModal(h, LEADER, 'innsjekk');
    const shown = visibleText(view);
    expect(shown).toContain('Registrer fremdrift');
    expect(shown).toContain('Hvor sikker er du på å nå målet?');
    expect(shown).toContain('Verdi nå (points)');
    const publishes = h.slack.callsOf('views.publish').length;
    const errors = await submit(h, LEADER, view, checkInValues(goal.id, '3,5', '4', MIXED));
    expect(errors).toEqual({});
    const mine = await waitForDm(h, LEADER);
    const mineText = visibleText(mine.args.blocks);
    expect(mineText).toContain('Fremdrift registrert på «Økt trivsel»: 3,5 points');
    expect(mineText).toContain('▓▓▓▓░░░░░░ 38 %');
    expect(mineText).toContain('Sikkerhet 4/5');
    expect(mineText).toContain('Åpent delmål: Første teammøte');
    expect(mineText).toContain(MIXED);
    const notice = await waitForDm(h, SENIOR);
    expect(visibleText(notice.args.blocks)).toContain(`<@${LEADER}> recorded progress on “Økt trivsel”: ▓▓▓▓░░░░░░ 38 %`);
    await h.slack.waitForCall('views.publish', publishes + 2);
    const stored = await h.prisma.goal.findUniqueOrThrow({ where: { id: goal.id } });
    expect(stored.currentValue).toBe(3.5);
    expect(stored.currentConfidence).toBe(4);
    expect(await h.prisma.checkIn.count({ where: { goalId: goal.id } })).toBe(1);
  });

  it('a senior leader in English: a mention pre-filters to that leader; retries store nothing twice', async () => {
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'Fewer sick days', metric: { name: 'Sick leave', unit: '%', baseline: 8, target: 5 } });
    const otherGoal = await seedGoal(h, OTHER_SENIOR, OTHER_LEADER, { title: 'Not yours' });
    const view = await openModal(h, SENIOR, `checkin <@${LEADER}|leader>`);
    const shown = visibleText(view);
    expect(shown).toContain('Record progress');
    expect(shown).toContain('Fewer sick days');
    expect(shown).not.toContain('Not yours');
    expect(otherGoal.id).toBeTruthy();
    // Choosing the goal redraws the modal with its unit and measure.
    const updates = h.slack.callsOf('views.update').length;
    await h.action(SENIOR, { action_id: checkInForm.ids.goal.action, block_id: checkInForm.ids.goal.block, type: 'static_select', selected_option: { value: goal.id } }, { view: { id: 'VCHECKIN1', hash: 'h9', type: 'modal', callback_id: CheckInIds.view } });
    const update = await h.slack.waitForCall('views.update', updates + 1);
    expect(update.args.view_id).toBe('VCHECKIN1');
    expect(visibleText(update.args.view)).toContain('Value now (%)');
    expect(visibleText(update.args.view)).toContain('Sick leave: baseline 8 % → target 5 %');
    // A goal the person may not see is not drawn.
    await h.action(SENIOR, { action_id: checkInForm.ids.goal.action, type: 'static_select', selected_option: { value: otherGoal.id } }, { view: { id: 'VCHECKIN1', hash: 'h9', type: 'modal' } });
    const values = checkInValues(goal.id, '6.5', '3');
    const retryId = randomId('V');
    expect(await submit(h, SENIOR, view, values, { viewId: retryId })).toEqual({});
    expect(await submit(h, SENIOR, view, values, { viewId: retryId })).toEqual({});
    await waitForDm(h, SENIOR);
    expect(await h.prisma.checkIn.count({ where: { goalId: goal.id } })).toBe(1);
    expect(h.slack.callsOf('views.update').length).toBe(updates + 1);
    const dm = dmsTo(h, SENIOR).find((c) => visibleText(c.args.blocks).includes('Fewer sick days'));
    expect(visibleText(dm?.args.blocks)).toContain('▓▓▓▓▓░░░░░ 50 %');
  });

  it('bad input: "abc", empty confidence, 3,000+ characters, a value on a goal without a measure — field errors, nothing stored', async () => {
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'Qualitative only', metric: null });
    const view = await openModal(h, SENIOR, 'checkin');
    let errors = await submit(h, SENIOR, view, checkInValues(goal.id, 'abc', null, LONG_TEXT));
    expect(errors[checkInForm.ids.value.block]).toBe('Please enter a number, e.g. 42 or 3.5.');
    expect(errors[checkInForm.ids.confidence.block]).toBe('Please fill in this field.');
    expect(errors[checkInForm.ids.note.block]).toMatch(/under 2000 characters/);
    errors = await submit(h, SENIOR, view, checkInValues(goal.id, '5', '3'));
    expect(errors[checkInForm.ids.value.block]).toBe('This goal has no metric. Leave the value empty.');
    const nbView = await openModal(h, LEADER, 'checkin');
    errors = await submit(h, LEADER, nbView, checkInValues(goal.id, 'abc', '3'));
    expect(errors[checkInForm.ids.value.block]).toBe('Skriv inn et tall, f.eks. 42 eller 3,5.');
    expect(await h.prisma.checkIn.count({ where: { goalId: goal.id } })).toBe(0);
    expect(await submit(h, LEADER, nbView, checkInValues(goal.id, null, '2', 'Ærlig 👍'))).toEqual({});
  });

  it('privacy: another leader, another senior leader, an admin and a stranger cannot check in on the goal (forged option value)', async () => {
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'Private goal' });
    for (const intruder of [OTHER_LEADER, OTHER_SENIOR, STRANGER]) {
      const view = await openModal(h, intruder === STRANGER ? OTHER_SENIOR : intruder, 'checkin');
      const errors = await submit(h, intruder, view, checkInValues(goal.id, '4', '3'));
      expect(errors[checkInForm.ids.goal.block]).toBe('You do not have access to this.');
      const actor = await actorOf(h, intruder);
      await expect(h.app.services.checkIns.listForGoal(actor, goal.id)).rejects.toThrow(/not allowed/);
      await expect(h.app.services.goals.edit(actor, { goalId: goal.id, target: 9, targetDate: null, qualitativeCriteria: null, reason: 'x' })).rejects.toThrow(/not allowed/);
    }
    expect(await h.prisma.checkIn.count({ where: { goalId: goal.id } })).toBe(0);
    const reply = await commandReply(h, STRANGER, 'checkin');
    expect(visibleText(reply.blocks)).toContain('There are no active goals you can record progress on');
  });

  it('a deleted goal behind an old "Log check-in" button gives a clear message, not a 500', async () => {
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'Soon gone' });
    await h.prisma.goal.delete({ where: { id: goal.id } });
    const n = h.slack.responses.length;
    const res = await h.action(SENIOR, { action_id: CheckInIds.logButton, value: goal.id, type: 'button' }, { response_url: h.newResponseUrl() });
    expect(res.status).toBe(200);
    const body = await h.slack.waitForResponse(n + 1);
    expect(visibleText(body.blocks)).toContain('This no longer exists');
    const n2 = h.slack.responses.length;
    await h.action(LEADER, { action_id: MilestoneIds.doneButton, value: 'forged value with spaces', type: 'button' }, { response_url: h.newResponseUrl() });
    expect(visibleText((await h.slack.waitForResponse(n2 + 1)).blocks)).toContain('Dette finnes ikke lenger');
  });

  it('editing a goal asks why and stores a revision; an empty reason or no change is refused', async () => {
    const events = recordEvents(h);
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'Adjust me' });
    const n = h.slack.callsOf('views.open').length;
    await h.action(LEADER, { action_id: GoalEditIds.editButton, value: goal.id, type: 'button' }, { response_url: h.newResponseUrl() });
    const view = (await h.slack.waitForCall('views.open', n + 1)).args.view as Record<string, unknown>;
    expect(visibleText(view)).toContain('Hvorfor endrer du det?');
    const newDate = isoDayIn('Europe/Oslo', 120);
    const values = (target: string, reason: string | null, targetDate: string | null = newDate) => ({
      [GoalEditIds.targetBlock]: { [GoalEditIds.targetInput]: text(target) },
      [GoalEditIds.targetDateBlock]: { [GoalEditIds.targetDateInput]: date(targetDate) },
      [GoalEditIds.criteriaBlock]: { [GoalEditIds.criteriaInput]: text('Staff say they are heard') },
      [GoalEditIds.reasonBlock]: { [GoalEditIds.reasonInput]: text(reason) },
    });
    let errors = await submit(h, LEADER, view, values('7,5', null));
    expect(errors[GoalEditIds.reasonBlock]).toBe('Fyll ut dette feltet.');
    errors = await submit(h, LEADER, view, values('2', 'x'));
    expect(errors[GoalEditIds.targetBlock]).toMatch(/utgangsverdien|baseline|Målverdien må/i);
    errors = await submit(h, LEADER, view, values('7,5', 'for sent', isoDayIn('Europe/Oslo', -3)));
    expect(errors[GoalEditIds.targetDateBlock]).toBe('Velg dagens dato eller en senere dato.');
    expect(await submit(h, LEADER, view, values('7,5', 'Justert etter evalueringen 👍'))).toEqual({});
    await h.slack.waitFor(() => dmsTo(h, LEADER).some((c) => /Målet «Adjust me» er endret: målverdi 7,5 points, måldato .*Begrunnelse: Justert etter evalueringen 👍/.test(visibleText(c.args.blocks))));
    await h.slack.waitFor(() => dmsTo(h, SENIOR).some((c) => visibleText(c.args.blocks).includes('changed the goal “Adjust me”')));
    const stored = await h.prisma.goal.findUniqueOrThrow({ where: { id: goal.id } });
    expect(stored.target).toBe(7.5);
    const revisions = await h.prisma.goalRevision.findMany({ where: { goalId: goal.id }, orderBy: { number: 'asc' } });
    expect(revisions.map((r) => r.reason)).toEqual(['created', 'Justert etter evalueringen 👍']);
    expect((revisions[1].snapshot as { target: number }).target).toBe(7.5);
    // Same view again (a Slack retry): no second revision.
    expect(await submit(h, LEADER, view, values('7,5', 'Justert etter evalueringen 👍'))).toEqual({});
    expect(await h.prisma.goalRevision.count({ where: { goalId: goal.id } })).toBe(2);
    await eventually(() => events.calls.some((c) => c[0] === 'subjectChanged' && c[2] === goal.id));
    // `/followup goal edit` lists goals with an Edit button in English.
    const reply = await commandReply(h, SENIOR, 'goal edit');
    expect(visibleText(reply.blocks)).toContain('Which goal do you want to change?');
  });

  it('marks a milestone done from the modal once (idempotent), celebrates once, and the "Mark done" button goes through the same path', async () => {
    const events = recordEvents(h);
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'With steps', milestones: ['Step one', 'Step two'] });
    const [m1, m2] = goal.milestones;
    const view = await openModal(h, SENIOR, `milestone <@${LEADER}>`);
    expect(visibleText(view)).toContain('Milestone reached');
    const values = { [milestoneForm.ids.milestone.block]: { [milestoneForm.ids.milestone.action]: select(m1.id) } };
    expect(await submit(h, SENIOR, view, values)).toEqual({});
    await h.slack.waitFor(() => dmsTo(h, LEADER).some((c) => visibleText(c.args.blocks).includes('delmålet «Step one» i «With steps»')));
    expect(await submit(h, SENIOR, view, values)).toEqual({});
    await h.slack.waitFor(() => dmsTo(h, SENIOR).some((c) => visibleText(c.args.blocks).includes('was already marked as reached')));
    expect(events.calls.filter((c) => c[0] === 'milestoneDone')).toEqual([['milestoneDone', m1.id]]);
    const stored = await h.prisma.milestone.findUniqueOrThrow({ where: { id: m1.id } });
    const senior = await actorOf(h, SENIOR);
    expect(stored.doneById).toBe(senior.person.id);

    // Button: a stranger cannot, the leader can.
    const n = h.slack.responses.length;
    await h.action(OTHER_SENIOR, { action_id: MilestoneIds.doneButton, value: m2.id, type: 'button' }, { response_url: h.newResponseUrl() });
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('You do not have access to this.');
    expect((await h.prisma.milestone.findUniqueOrThrow({ where: { id: m2.id } })).doneAt).toBeNull();
    await h.action(LEADER, { action_id: MilestoneIds.doneButton, value: m2.id, type: 'button' }, { response_url: h.newResponseUrl() });
    await eventually(() => events.calls.some((c) => c[0] === 'milestoneDone' && c[1] === m2.id));
    expect((await h.prisma.milestone.findUniqueOrThrow({ where: { id: m2.id } })).doneAt).not.toBeNull();
    const reply = await commandReply(h, OTHER_LEADER, 'milestone');
    expect(visibleText(reply.blocks)).toContain('There are no open milestones');
  });
});
