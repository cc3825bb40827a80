import { publish } from '../../src/domain/events';
import { DateTime } from 'luxon';
import { ValidationError } from '../../src/domain/errors';
import { setupForm } from '../../src/slack/features/setup/fields';

const SetupIds = {
  leaderBlock: setupForm.ids.leaderUserId.block, leaderInput: setupForm.ids.leaderUserId.action,
  channelBlock: setupForm.ids.teamChannelId.block, channelInput: setupForm.ids.teamChannelId.action,
  oneToOneBlock: setupForm.ids.oneToOneCadence.block, oneToOneInput: setupForm.ids.oneToOneCadence.action,
  evaluationBlock: setupForm.ids.evaluationEveryWeeks.block, evaluationInput: setupForm.ids.evaluationEveryWeeks.action,
  reflectionBlock: setupForm.ids.reflectionCadence.block, reflectionInput: setupForm.ids.reflectionCadence.action,
  startDateBlock: setupForm.ids.startDate.block, startDateInput: setupForm.ids.startDate.action,
};
import { ShiftedClock } from '../../src/time/clock';
import type { Harness } from '../support/harness';
import { ScheduledHarness } from '../support/scheduler';
import { acceptInvitation } from '../support/flows';

/**
 * Reminders on working days skip the public holidays of the recipient's country (issue 12 §7):
 * Norway by default, a workspace default, a personal setting. Planned from the database into the
 * Reminder table (what /followup schedule lists).
 */
describe('public holidays in the reminder plan', () => {
  let s: ScheduledHarness;
  let h: Harness;
  const S = 'USENHOL1';
  const L = 'ULEAHOL1';

  beforeAll(async () => {
    // Monday 10 May 2027, noon in Oslo. Monday 17 May is Grunnlovsdagen (and 2. pinsedag).
    s = await ScheduledHarness.start({ clock: new ShiftedClock('2027-05-10T12:00:00+02:00') });
    h = s.h;
    h.user(S, { locale: 'nb-NO', tz: 'Europe/Oslo' });
    h.user(L, { locale: 'en-GB', tz: 'Europe/London' });
  });
  afterAll(async () => {
    await s.close();
  });

  async function reflectionDays(followUpId: string): Promise<string[]> {
    const rows = await h.prisma.reminder.findMany({ where: { followUpId, kind: 'reflection', status: 'SCHEDULED' }, orderBy: { dueAt: 'asc' } });
    return rows.map((r) => DateTime.fromJSDate(r.dueAt).setZone('Europe/London').toFormat('yyyy-MM-dd HH:mm'));
  }

  it('moves a reflection off 17. mai for a Norwegian calendar, and back for a personal United Kingdom one', async () => {
    await h.command(S, `setup <@${L}>`);
    const open = await h.slack.waitForCall('views.open', 1);
    const res = await h.submitView(S, open.args.view as Record<string, unknown>, {
      [SetupIds.leaderBlock]: { [SetupIds.leaderInput]: { type: 'users_select', selected_user: L } },
      [SetupIds.channelBlock]: { [SetupIds.channelInput]: { type: 'conversations_select', selected_conversation: 'C0HOL01' } },
      [SetupIds.oneToOneBlock]: { [SetupIds.oneToOneInput]: { type: 'static_select', selected_option: { value: 'MONTHLY' } } },
      [SetupIds.evaluationBlock]: { [SetupIds.evaluationInput]: { type: 'static_select', selected_option: { value: '6' } } },
      [SetupIds.reflectionBlock]: { [SetupIds.reflectionInput]: { type: 'static_select', selected_option: { value: 'WEEKLY' } } },
      [SetupIds.startDateBlock]: { [SetupIds.startDateInput]: { type: 'datepicker', selected_date: '2027-05-10' } },
    });
    expect(res.status).toBe(200);
    await acceptInvitation(h, S, L); // the leader's consent: then the reminders are planned
    const leader = await h.prisma.person.findUniqueOrThrow({ where: { workspaceId_slackUserId: { workspaceId: h.teamId, slackUserId: L } } });
    let followUpId = '';
    for (let i = 0; i < 100 && !followUpId; i++) {
      const f = await h.prisma.followUp.findFirst({ where: { leaderId: leader.id } });
      if (f && (await h.prisma.reminder.count({ where: { followUpId: f.id, kind: 'reflection' } })) > 0) followUpId = f.id;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(followUpId).not.toBe('');

    // Norway by default: not on Monday 17 May, but Tuesday 18 May at 09:00 in the leader's own zone.
    expect(await reflectionDays(followUpId)).toEqual(['2027-05-18 09:00']);
    const row = await h.prisma.reminder.findFirstOrThrow({ where: { followUpId, kind: 'reflection', status: 'SCHEDULED' } });
    expect(row.payload).toEqual({ movedFrom: '2027-05-17', holiday: 'Grunnlovsdagen' });

    // The leader lives in the United Kingdom: 17 May is a working day there.
    const actor = h.app.services.people.toActor(leader);
    // As the settings modal's runner does: save, then publish the events the result carries.
    const saved = await h.app.services.settings.save(actor, { personal: { locale: 'auto', timezone: null, reminderHour: null, holidayCountry: 'gb' }, workspace: null });
    await publish(h.app.ctx.events, saved.events);
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: leader.id } })).holidayCountry).toBe('GB');
    for (let i = 0; i < 100 && (await reflectionDays(followUpId))[0] !== '2027-05-17 09:00'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await reflectionDays(followUpId)).toEqual(['2027-05-17 09:00']);

    // An unknown country is refused with a message in the reader's language, and nothing changes.
    const refused = await h.app.services.settings
      .save(actor, { personal: { locale: 'auto', timezone: null, reminderHour: null, holidayCountry: 'Narnia' }, workspace: null })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields.holidayCountry).toEqual({ key: 'settings.error_country' });
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: leader.id } })).holidayCountry).toBe('GB');
  });
});
