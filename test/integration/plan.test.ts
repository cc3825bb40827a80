import { ShiftedClock } from '../../src/time/clock';
import { dayToDate } from '../../src/time/dates';
import { subcommandHandlers } from '../../src/slack/features';
import { planForm } from '../../src/slack/features/plan/fields';
import { ReminderIds } from '../../src/slack/outbound/ids';
import { visibleText, type Harness } from '../support/harness';
import { ScheduledHarness } from '../support/scheduler';

/**
 * Reads until `done` holds (or the time is up) and returns the last value. A button's reply goes out
 * first; the reminders are planned again when the change's events are published, just after.
 */
async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await read();
  while (!done(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}

/**
 * The follow-up plan: `/followup plan` → modal → action item → reminder to its owner on the due
 * date with "Done" and "Snooze a day"; `/followup schedule` lists what is coming.
 */
describe('/followup plan, action reminders and /followup schedule', () => {
  let s: ScheduledHarness;
  let h: Harness;
  const SENIOR = 'UPLANSEN';
  const LEADER = 'UPLANLEA';
  const STRANGER = 'UPLANSTR';
  let followUpId: string;

  beforeAll(async () => {
    // Tuesday 2027-03-30, three seconds before 09:00 in Oslo.
    s = await ScheduledHarness.start({ clock: new ShiftedClock('2027-03-30T08:59:57+02:00') });
    h = s.h;
    h.user(SENIOR, { locale: 'nb-NO', tz: 'Europe/Oslo' });
    h.user(LEADER, { locale: 'en-GB', tz: 'Europe/Oslo' });
    h.user(STRANGER, { locale: 'en-GB', tz: 'Europe/Oslo' });
    const fetched = { profileFetchedAt: new Date(), slackTz: 'Europe/Oslo' };
    await h.prisma.workspace.create({ data: { id: h.teamId } });
    const senior = await h.prisma.person.create({ data: { workspaceId: h.teamId, slackUserId: SENIOR, slackLocale: 'nb-NO', ...fetched } });
    const leader = await h.prisma.person.create({ data: { workspaceId: h.teamId, slackUserId: LEADER, slackLocale: 'en-GB', ...fetched } });
    const f = await h.prisma.followUp.create({
      data: { workspaceId: h.teamId, seniorId: senior.id, leaderId: leader.id, oneToOneCadence: 'MONTHLY', reflectionCadence: 'NONE', startDate: dayToDate('2027-03-15') },
    });
    followUpId = f.id;
    await h.prisma.barrier.create({ data: { followUpId: f.id, kind: 'RESOURCE', description: 'No budget for coaching', createdById: leader.id } });
    await s.startWorkers();
  });
  afterAll(async () => {
    await s.close();
  });

  async function openPlan(user: string, text = 'plan') {
    const n = h.slack.callsOf('views.open').length;
    await h.command(user, text);
    return (await h.slack.waitForCall('views.open', n + 1)).args.view as Record<string, unknown>;
  }

  const values = (what: string, owner: string, due: string, barrier?: string) => ({
    [planForm.ids.leaderUserId.block]: { [planForm.ids.leaderUserId.action]: { type: 'users_select', selected_user: LEADER } },
    [planForm.ids.what.block]: { [planForm.ids.what.action]: { type: 'plain_text_input', value: what } },
    [planForm.ids.owner.block]: { [planForm.ids.owner.action]: { type: 'radio_buttons', selected_option: { value: owner } } },
    [planForm.ids.dueDate.block]: { [planForm.ids.dueDate.action]: { type: 'datepicker', selected_date: due } },
    ...(barrier ? { [planForm.ids.barrierId.block]: { [planForm.ids.barrierId.action]: { type: 'static_select', selected_option: { value: barrier } } } } : {}),
  });

  const dms = (user: string) => h.slack.callsOf("chat.postMessage").filter((c) => (c.args.channel === `D${user.slice(1)}` || c.args.channel === user) && c.ts);

  it('validates the modal in the user\'s language, on the right fields, keeping what was typed', async () => {
    const view = await openPlan(SENIOR, 'tiltak');
    expect(visibleText(view)).toContain('Hva skal gjøres');
    const res = await h.submitView(SENIOR, view, values('', 'leader', '2027-03-01'));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ response_action: 'errors', errors: { [planForm.ids.what.block]: 'Fyll ut dette feltet.' } });
    const res2 = await h.submitView(SENIOR, view, values('Ask HR for a coach', 'leader', '2027-03-01'));
    expect(res2.json()).toEqual({ response_action: 'errors', errors: { [planForm.ids.dueDate.block]: 'Velg dagens dato eller en senere dato.' } });
  });

  it('creates an action for the leader; the leader is reminded at 09:00 and can mark it done or snooze it', async () => {
    const view = await openPlan(SENIOR, `plan <@${LEADER}>`);
    const barrier = await h.prisma.barrier.findFirstOrThrow({ where: { followUpId } });
    expect(JSON.stringify(view)).toContain('No budget for coaching');
    const res = await h.submitView(SENIOR, view, values('Ask HR for a coach', 'leader', '2027-03-30', barrier.id));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    await h.slack.waitFor(() => dms(SENIOR).length >= 1 && dms(LEADER).length >= 2, 15000, 'confirmation, notice and the due reminder');
    expect(visibleText(dms(SENIOR)[0].args.blocks)).toContain('Tiltak lagt til i planen for');
    const leaderTexts = dms(LEADER).map((c) => visibleText(c.args.blocks));
    expect(leaderTexts.some((t) => t.includes('added an action for you in the follow-up plan: *Ask HR for a coach*'))).toBe(true);
    const reminder = dms(LEADER).find((c) => visibleText(c.args.blocks).includes('Due today'))!;
    expect(visibleText(reminder.args.blocks)).toContain('Addresses the barrier: No budget for coaching');

    const action = await h.prisma.actionItem.findFirstOrThrow({ where: { followUpId } });
    expect(action.barrierId).toBe(barrier.id);
    // A stranger cannot touch it.
    const nStranger = h.slack.responses.length;
    await h.action(STRANGER, { action_id: ReminderIds.actionDone, value: action.id, type: 'button' }, { response_url: h.newResponseUrl() });
    const refused = await h.slack.waitForResponse(nStranger + 1);
    expect(visibleText(refused.blocks)).toContain('You do not have access to this.');
    expect((await h.prisma.actionItem.findUniqueOrThrow({ where: { id: action.id } })).status).toBe('OPEN');

    // Done: the DM is replaced, the item is done, tomorrow's reminder is cancelled.
    const n = h.slack.responses.length;
    await h.action(LEADER, { action_id: ReminderIds.actionDone, value: action.id, type: 'button' }, { response_url: h.newResponseUrl() });
    const done = await h.slack.waitForResponse(n + 1);
    expect(done.replace_original).toBe(true);
    expect(visibleText(done.blocks)).toContain('✅ Done: *Ask HR for a coach*');
    expect((await h.prisma.actionItem.findUniqueOrThrow({ where: { id: action.id } })).status).toBe('DONE');
    expect(await eventually(() => h.prisma.reminder.count({ where: { subjectId: action.id, status: 'SCHEDULED' } }), (c) => c === 0)).toBe(0);

    // Not done after all: planned again (tomorrow, the next working day).
    await h.action(LEADER, { action_id: ReminderIds.actionUndone, value: action.id, type: 'button' }, { response_url: h.newResponseUrl() });
    const reopened = await h.slack.waitForResponse(n + 2);
    expect(visibleText(reopened.blocks)).toContain('Open again');
    const again = await eventually(() => h.prisma.reminder.findMany({ where: { subjectId: action.id, status: 'SCHEDULED' } }), (rs) => rs.length > 0);
    expect(again.map((r) => r.dueAt.toISOString())).toEqual(['2027-03-31T07:00:00.000Z']);

    // Snooze a day: from tomorrow's reminder to the day after.
    await h.action(LEADER, { action_id: ReminderIds.actionSnooze, value: action.id, type: 'button' }, { response_url: h.newResponseUrl() });
    const snoozed = await h.slack.waitForResponse(n + 3);
    expect(visibleText(snoozed.blocks)).toContain('I will remind you again <!date^');
    const moved = await h.prisma.reminder.findMany({ where: { subjectId: action.id, status: 'SCHEDULED' } });
    expect(moved.map((r) => r.dueAt.toISOString())).toEqual(['2027-03-31T07:00:00.000Z']);
    expect((await h.prisma.actionItem.findUniqueOrThrow({ where: { id: action.id } })).snoozedUntil?.toISOString().slice(0, 10)).toBe('2027-03-31');
  });

  it('lists a person\'s upcoming reminders with local times in their language', async () => {
    const n = h.slack.responses.length;
    await h.command(LEADER, 'schedule');
    const body = await h.slack.waitForResponse(n + 1);
    const text = visibleText(body.blocks);
    expect(text).toContain('Your upcoming reminders');
    expect(text).toMatch(/<!date\^\d+\^\{date_short_pretty\} at \{time\}\|Wednesday 31 March 2027, 09:00> — an action reminder/);
    const m = h.slack.responses.length;
    await h.command(SENIOR, 'påminnelser');
    const nb = visibleText((await h.slack.waitForResponse(m + 1)).blocks);
    expect(nb).toContain('Dine kommende påminnelser');
    expect(nb).toContain('en påminnelse om 1:1-samtale');
  });

  it('opens the right modal from a reminder button, or says politely it is not available yet', async () => {
    const opened = h.slack.callsOf('views.open').length;
    const n = h.slack.responses.length;
    await h.action(SENIOR, { action_id: ReminderIds.logConversation, value: LEADER, type: 'button' }, { response_url: h.newResponseUrl() });
    if ((subcommandHandlers as Partial<typeof subcommandHandlers>).conversation) {
      await h.slack.waitForCall('views.open', opened + 1);
    } else {
      const body = await h.slack.waitForResponse(n + 1);
      expect(visibleText(body.blocks)).toContain('`/followup conversation` er ikke tilgjengelig ennå');
    }
  });
});
