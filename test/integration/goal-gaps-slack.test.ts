import { checkInForm } from '../../src/slack/features/checkin/fields';
import { goalEditForm } from '../../src/slack/features/goal/fields';
import { GoalEditIds } from '../../src/slack/ids';
import { Harness, visibleText } from '../support/harness';
import { dmsTo, eventually, openModal, radio, recordEvents, seedFollowUp, seedGoal, select, settle, submit, text } from '../support/steps';

const SENIOR = 'UGGSEN01';
const LEADER = 'UGGLEA01';

/** The gaps in Slack: "Mark achieved" after a check-in reached the target; edit collisions keep the modal open. */
describe('goal gaps in Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
    h.user(SENIOR, { locale: 'en-GB', tz: 'Europe/London' });
    h.user(LEADER, { locale: 'nb-NO', tz: 'Europe/Oslo' });
    await seedFollowUp(h, SENIOR, LEADER);
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  const checkIn = (goalId: string, value: string) => ({
    [checkInForm.ids.goal.block]: { [checkInForm.ids.goal.action]: select(goalId) },
    [checkInForm.ids.value.block]: { [checkInForm.ids.value.action]: text(value) },
    [checkInForm.ids.confidence.block]: { [checkInForm.ids.confidence.action]: radio('4') },
    [checkInForm.ids.note.block]: { [checkInForm.ids.note.action]: text(null) },
  });

  it('a check-in that reaches the target suggests "Mark achieved"; one click marks it and fires the celebration', async () => {
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'Flere kundemøter', metric: { name: 'møter', unit: 'møter', baseline: 10, target: 40 } });
    const events = recordEvents(h);

    // Below the target: no suggestion.
    let view = await openModal(h, LEADER, 'checkin');
    expect(await submit(h, LEADER, view, checkIn(goal.id, '30'))).toEqual({});
    await eventually(() => dmsTo(h, LEADER).length >= 1, 'first confirmation');
    expect(visibleText(dmsTo(h, LEADER)[0].args.blocks)).not.toContain('Vil du registrere målet som nådd?');

    // At the target: the suggestion and its button, in bokmål.
    view = await openModal(h, LEADER, 'checkin');
    expect(await submit(h, LEADER, view, checkIn(goal.id, '41'))).toEqual({});
    await eventually(() => dmsTo(h, LEADER).length >= 2, 'second confirmation');
    const nb = dmsTo(h, LEADER)[1].args.blocks as Record<string, unknown>[];
    expect(visibleText(nb)).toContain('Dermed er målverdien for «Flere kundemøter» nådd (40 møter). Vil du registrere målet som nådd?');
    const suggestion = nb.find((b) => (b.accessory as { action_id?: string } | undefined)?.action_id === GoalEditIds.markAchievedButton);
    expect(suggestion?.accessory).toMatchObject({ text: { text: 'Registrer som nådd' }, value: goal.id });

    // One click: achieved, the celebration event published once.
    const responses = h.slack.responses.length;
    await h.action(LEADER, { action_id: GoalEditIds.markAchievedButton, value: goal.id, type: 'button' }, { response_url: h.newResponseUrl() });
    const reply = await h.slack.waitForResponse(responses + 1);
    expect(visibleText(reply.blocks)).toContain('«Flere kundemøter» er registrert som nådd. 🎉');
    await eventually(() => events.calls.some((c) => c[0] === 'goalAchieved' && c[1] === goal.id), 'goalAchieved');
    expect((await h.prisma.goal.findUniqueOrThrow({ where: { id: goal.id } })).status).toBe('ACHIEVED');

    // The senior leader clicks too (English): the same answer, no second celebration.
    await h.action(SENIOR, { action_id: GoalEditIds.markAchievedButton, value: goal.id, type: 'button' }, { response_url: h.newResponseUrl() });
    const en = await h.slack.waitForResponse(responses + 2);
    expect(visibleText(en.blocks)).toContain('“Flere kundemøter” is marked as achieved. 🎉');
    await settle(h);
    expect(events.calls.filter((c) => c[0] === 'goalAchieved')).toHaveLength(1);
  });

  it('in English: the check-in confirmation suggests "Mark achieved" for a target below the baseline', async () => {
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'Sick leave', metric: { name: 'sick leave', unit: '%', baseline: 8, target: 5 } });
    const before = dmsTo(h, SENIOR).length;
    const view = await openModal(h, SENIOR, 'checkin');
    expect(await submit(h, SENIOR, view, checkIn(goal.id, '4.5'))).toEqual({});
    await eventually(() => dmsTo(h, SENIOR).length > before, 'confirmation');
    const blocks = dmsTo(h, SENIOR)[before].args.blocks;
    expect(visibleText(blocks)).toContain('That reaches the target of “Sick leave” (5 %). Mark the goal as achieved?');
    expect(visibleText(blocks)).toContain('Mark achieved');
  });

  it('two people edit one goal: the second save gets the conflict on the reason field, in their language, and the modal stays open', async () => {
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'Trivsel', metric: { name: 'trivsel', unit: 'poeng', baseline: 60, target: 80 } });
    const open = async (userId: string) => {
      const n = h.slack.callsOf('views.open').length;
      await h.action(userId, { action_id: GoalEditIds.editButton, value: goal.id, type: 'button' }, { response_url: h.newResponseUrl() });
      return (await h.slack.waitForCall('views.open', n + 1)).args.view as Record<string, unknown>;
    };
    const values = (target: string, reason: string) => ({
      [goalEditForm.ids.target.block]: { [goalEditForm.ids.target.action]: text(target) },
      [goalEditForm.ids.targetDate.block]: { [goalEditForm.ids.targetDate.action]: { type: 'datepicker', selected_date: null } },
      [goalEditForm.ids.qualitativeCriteria.block]: { [goalEditForm.ids.qualitativeCriteria.action]: text(null) },
      [goalEditForm.ids.reason.block]: { [goalEditForm.ids.reason.action]: text(reason) },
    });
    const seniorView = await open(SENIOR);
    const leaderView = await open(LEADER);
    expect(JSON.parse(String(seniorView.private_metadata))).toEqual({ goalId: goal.id, revision: '1' });

    expect(await submit(h, SENIOR, seniorView, values('85', 'more ambitious'))).toEqual({});
    const nbErrors = await submit(h, LEADER, leaderView, values('75', 'mer realistisk'));
    expect(nbErrors[goalEditForm.ids.reason.block]).toMatch(/^Noen andre endret dette målet/);
    expect((await h.prisma.goal.findUniqueOrThrow({ where: { id: goal.id } })).target).toBe(85);

    // The leader opens it again (now on revision 2) and saves; the senior leader's old modal collides in English.
    const fresh = await open(LEADER);
    expect(await submit(h, LEADER, fresh, values('75', 'mer realistisk'))).toEqual({});
    const enErrors = await submit(h, SENIOR, seniorView, values('90', 'even more'));
    expect(enErrors[goalEditForm.ids.reason.block]).toBe('Someone else changed this goal while you were editing it. Your text is still here: look at the goal again, then save once more.');
    expect((await h.prisma.goal.findUniqueOrThrow({ where: { id: goal.id } })).target).toBe(75);
  });
});
