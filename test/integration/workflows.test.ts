import { ShiftedClock } from '../../src/time/clock';
import { dayToDate } from '../../src/time/dates';
import { setupForm } from '../../src/slack/features/setup/fields';
import { ReminderIds } from '../../src/slack/outbound/ids';
import { visibleText, type Harness } from '../support/harness';
import type { RecordedCall } from '../../src/local/slackApi';
import { ScheduledHarness } from '../support/scheduler';
import { englishDatesIn } from '../support/readerDates';
import { acceptInvitation } from '../support/flows';

/**
 * Every scheduled workflow, end to end: the follow-up is set up through the modal, the scheduler
 * plans its reminders in the Reminder table, BullMQ runs them at 09:00 local (08:00 for the
 * digest) and the recipient reads them in their own language, once.
 */
async function setUp(h: Harness, senior: string, leader: string, channel: string, start: string, oneToOne: string, reflection: string): Promise<string> {
  const before = h.slack.callsOf('views.open').length;
  await h.command(senior, `setup <@${leader}>`);
  const open = await h.slack.waitForCall('views.open', before + 1);
  const view = open.args.view as Record<string, unknown>;
  const res = await h.submitView(senior, view, {
    [setupForm.ids.leaderUserId.block]: { [setupForm.ids.leaderUserId.action]: { type: 'users_select', selected_user: leader } },
    [setupForm.ids.teamChannelId.block]: { [setupForm.ids.teamChannelId.action]: { type: 'conversations_select', selected_conversation: channel } },
    [setupForm.ids.oneToOneCadence.block]: { [setupForm.ids.oneToOneCadence.action]: { type: 'static_select', selected_option: { value: oneToOne } } },
    [setupForm.ids.evaluationEveryWeeks.block]: { [setupForm.ids.evaluationEveryWeeks.action]: { type: 'static_select', selected_option: { value: '6' } } },
    [setupForm.ids.reflectionCadence.block]: { [setupForm.ids.reflectionCadence.action]: { type: 'static_select', selected_option: { value: reflection } } },
    [setupForm.ids.startDate.block]: { [setupForm.ids.startDate.action]: { type: 'datepicker', selected_date: start } },
  });
  expect(res.status).toBe(200);
  // The leader accepts the invitation (consent): then its reminders are planned.
  await acceptInvitation(h, senior, leader);
  const person = await h.prisma.person.findUniqueOrThrow({ where: { workspaceId_slackUserId: { workspaceId: h.teamId, slackUserId: leader } } });
  // The submission's after-work (welcome DMs, followUpChanged) runs after the ack: wait for its reminders.
  for (let i = 0; i < 100; i++) {
    const f = await h.prisma.followUp.findFirst({ where: { leaderId: person.id } });
    if (f && (await h.prisma.reminder.count({ where: { followUpId: f.id } })) > 0) return f.id;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the follow-up was not scheduled');
}

function dmsTo(h: Harness, userId: string): RecordedCall[] {
  const channel = `D${userId.replace(/^U/, '')}`;
  return h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel && (c.args.metadata as { event_type?: string } | undefined)?.event_type === 'followup_delivery');
}

function buttons(call: RecordedCall): { action_id: string; value?: string }[] {
  const blocks = call.args.blocks as { type: string; elements?: { action_id: string; value?: string }[] }[];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

describe.each([
  ['nb', 'en'],
  ['en', 'nb'],
])('scheduled workflows: senior leader in %s, leaders in %s', (seniorLang, leaderLang) => {
  let s: ScheduledHarness;
  let h: Harness;
  const S = `USEN${seniorLang.toUpperCase()}1`;
  const L1 = `ULDA${leaderLang.toUpperCase()}1`;
  const L2 = `ULDB${leaderLang.toUpperCase()}1`;
  // A second senior leader (one card each on App Home).
  const S2 = `USEM${seniorLang.toUpperCase()}1`;
  const locale = (l: string) => (l === 'nb' ? 'nb-NO' : 'en-GB');

  beforeAll(async () => {
    // Monday 2028-03-27, the day after the spring-forward (2027-03-29 is 2. påskedag, a public holiday in Norway), a few seconds before 09:00 in Oslo.
    s = await ScheduledHarness.start({ clock: new ShiftedClock('2028-03-27T08:59:57+02:00') });
    h = s.h;
    h.user(S, { locale: locale(seniorLang), tz: 'Europe/Oslo' });
    h.user(L1, { locale: locale(leaderLang), tz: 'Europe/Oslo' });
    h.user(L2, { locale: locale(leaderLang), tz: 'Europe/Oslo' });
    h.user(S2, { locale: locale(seniorLang), tz: 'Europe/Oslo' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('delivers evaluation, nudge, reflection, action and digest at local time, once, in each reader\'s language', async () => {
    // Weekly one-to-ones since Friday 17 March and none logged: the nudge is due Monday 27th.
    const fu1 = await setUp(h, S, L1, 'C0TEAM01', '2028-03-17', 'WEEKLY', 'NONE');
    // Weekly reflections from Monday 20 March: the prompt is due Monday 27th.
    await setUp(h, S2, L2, 'C0TEAM02', '2028-03-20', 'MONTHLY', 'WEEKLY');
    // The evaluation is moved to today; an action item of the leader is due today.
    await h.prisma.followUp.update({ where: { id: fu1 }, data: { nextEvaluationOn: dayToDate('2028-03-27') } });
    await s.events.handle({ type: 'subjectChanged', kind: 'evaluation', id: fu1 });
    const leader1 = await h.prisma.person.findFirstOrThrow({ where: { workspaceId: h.teamId, slackUserId: L1 } });
    const senior = await h.prisma.person.findFirstOrThrow({ where: { workspaceId: h.teamId, slackUserId: S } });
    const action = await h.prisma.actionItem.create({
      data: { followUpId: fu1, what: 'Book the team workshop', ownerId: leader1.id, dueDate: dayToDate('2028-03-27'), createdById: senior.id },
    });
    await s.events.handle({ type: 'subjectChanged', kind: 'action', id: action.id });

    const workers = await s.startWorkers();
    await h.slack.waitFor(() => dmsTo(h, S).length >= 3 && dmsTo(h, L1).length >= 2 && dmsTo(h, L2).length >= 1 && dmsTo(h, S2).length >= 1, 15000, 'seven reminders');
    // Let the queue settle: nothing else is due today.
    await h.slack.waitFor(() => true);
    for (let i = 0; i < 50; i++) {
      const counts = await workers.queues.reminders.getJobCounts('active', 'waiting');
      const replans = await workers.queues.maintenance.getJobCounts('active', 'waiting', 'delayed');
      if (counts.active + counts.waiting + replans.active + replans.waiting + replans.delayed === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const seniorTexts = dmsTo(h, S).map((c) => visibleText(c.args.blocks));
    const l1Texts = dmsTo(h, L1).map((c) => visibleText(c.args.blocks));
    const l2Texts = dmsTo(h, L2).map((c) => visibleText(c.args.blocks));
    expect(dmsTo(h, S)).toHaveLength(3);
    expect(dmsTo(h, L1)).toHaveLength(2);
    expect(dmsTo(h, L2)).toHaveLength(1);
    expect(dmsTo(h, S2)).toHaveLength(1); // the digest

    if (seniorLang === 'nb') {
      expect(seniorTexts.some((t) => t.includes('Evalueringssamtalen med') && t.includes('Forslag til spørsmål'))).toBe(true);
      expect(seniorTexts.some((t) => t.includes('Det er ikke registrert noen 1:1-samtale med') && t.includes('10 dager'))).toBe(true);
      expect(seniorTexts.some((t) => t.includes('1:1-samtaler') && t.includes('forfalte tiltak'))).toBe(true);
      expect(l1Texts.some((t) => t.includes('Today is your evaluation conversation with'))).toBe(true);
      expect(l1Texts.some((t) => t.includes('Due today') && t.includes('Book the team workshop'))).toBe(true);
      expect(l2Texts[0]).toContain('Time for a short reflection');
    } else {
      expect(seniorTexts.some((t) => t.includes('Today is the evaluation conversation with') && t.includes('Suggested questions'))).toBe(true);
      expect(seniorTexts.some((t) => t.includes('No one-to-one with') && t.includes('10 days'))).toBe(true);
      expect(seniorTexts.some((t) => t.includes('one-to-ones') && t.includes('overdue actions'))).toBe(true);
      expect(l1Texts.some((t) => t.includes('Evalueringssamtalen din med'))).toBe(true);
      expect(l1Texts.some((t) => t.includes('Frist ') && t.includes('Book the team workshop'))).toBe(true);
      expect(l2Texts[0]).toContain('Tid for en kort refleksjon');
    }
    // The weekly digest carries the senior leader's overview chart: an uploaded picture (private to
    // the app), shown by an image block after the header, with the numbers in words in their language.
    const digests = [...dmsTo(h, S), ...dmsTo(h, S2)].filter((c) => (c.args.blocks as { type: string }[]).some((b) => b.type === 'image'));
    expect(digests).toHaveLength(2);
    for (const d of digests) {
      const blocks = d.args.blocks as { type: string; alt_text?: string; slack_file?: { id: string } }[];
      expect(blocks[1].type).toBe('image');
      expect(h.slack.uploads.has(blocks[1].slack_file!.id)).toBe(true);
      expect(blocks[1].alt_text).toContain(seniorLang === 'nb' ? 'Fremdrift mot målverdi for' : 'Progress toward target of');
    }
    // (Calendar invitations, .ics files, are the only files posted to a DM.)
    for (const c of h.slack.callsOf('files.completeUploadExternal').filter((u) => !String(u.args.files).includes('.ics'))) expect(c.args.channel_id).toBeUndefined();
    // Only digests carry a picture.
    expect([...dmsTo(h, L1), ...dmsTo(h, L2)].some((c) => (c.args.blocks as { type: string }[]).some((b) => b.type === 'image'))).toBe(false);
    // Dates: Slack date tokens for an English reader (Slack renders them in the reader's zone); written
    // out in bokmål for a bokmål reader (Slack has no Norwegian client language): no token, no English date word.
    const read = (c: RecordedCall) => `${String(c.args.text)}\n${visibleText(c.args.blocks)}`;
    const [enReaders, nbReaders] = seniorLang === 'en' ? [[S, S2], [L1, L2]] : [[L1, L2], [S, S2]];
    expect(enReaders.flatMap((u) => dmsTo(h, u)).some((c) => read(c).includes('<!date^'))).toBe(true);
    expect(nbReaders.flatMap((u) => dmsTo(h, u)).flatMap((c) => englishDatesIn(read(c)))).toEqual([]);

    // Buttons that open the right modal.
    const all = [...dmsTo(h, S), ...dmsTo(h, L1), ...dmsTo(h, L2)].flatMap(buttons);
    expect(all).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action_id: ReminderIds.recordEvaluation, value: L1 }),
        expect.objectContaining({ action_id: ReminderIds.logConversation, value: L1 }),
        expect.objectContaining({ action_id: ReminderIds.writeReflection, value: L2 }),
        expect.objectContaining({ action_id: ReminderIds.actionDone, value: action.id }),
        expect.objectContaining({ action_id: ReminderIds.actionSnooze, value: action.id }),
      ]),
    );

    // The ledger: one SENT delivery per reminder, with the message ts; the reminders are done.
    // (The setup's calendar invitations, kind `ics`, are in the ledger too: the reminders are the rest.)
    const deliveries = await h.prisma.delivery.findMany({ where: { workspaceId: h.teamId, kind: { not: 'ics' } } });
    expect(await h.prisma.delivery.count({ where: { workspaceId: h.teamId, kind: 'ics' } })).toBe(4);
    expect(deliveries).toHaveLength(7);
    expect(deliveries.every((d) => d.status === 'SENT' && d.messageTs)).toBe(true);
    const sentKeys = deliveries.map((d) => d.key);
    const reminders = await h.prisma.reminder.findMany({ where: { key: { in: sentKeys } } });
    expect(reminders.every((r) => r.status === 'DONE')).toBe(true);
    // The next occurrences are planned already (e.g. next week's digest, tomorrow's overdue action).
    const upcoming = await h.prisma.reminder.findMany({ where: { workspaceId: h.teamId, status: 'SCHEDULED' }, orderBy: { dueAt: 'asc' } });
    expect(upcoming.map((r) => r.kind)).toEqual(expect.arrayContaining(['digest', 'action', 'nudge', 'reflection', 'evaluation']));
    // The DM channel is cached on the person.
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: senior.id } })).dmChannelId).toBe(`D${S.slice(1)}`);
  });
});
