import { bokmaalWordsIn } from '../support/readerDates';
import { settingsForm } from '../../src/slack/features/settings/fields';
import { dayToDate } from '../../src/time/dates';
import { FixedClock, Harness, randomId, visibleText } from '../support/harness';
import { dmTo, followUp, goal, openedView, person, settle } from '../support/seed';
import { spyOnEvent } from '../support/steps';

const radio = (v: string) => ({ type: 'radio_buttons', selected_option: { value: v } });
const select = (v: string) => ({ type: 'static_select', selected_option: { value: v } });
const text = (v: string) => ({ type: 'plain_text_input', value: v });

describe('/followup status', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-03-10T10:00:00Z') });
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  async function statusOf(userId: string, args: string): Promise<string> {
    const n = h.slack.responses.length;
    await h.command(userId, `status ${args}`.trim());
    const body = await h.slack.waitForResponse(n + 1);
    expect(body.response_type).toBe('ephemeral');
    return visibleText(body.blocks);
  }

  it('shows goals with progress bars, next evaluation, last one-to-one, open barriers and overdue actions — to the senior leader and the leader only', async () => {
    const senior = h.user('USTSEN01', { locale: 'en-GB' });
    const leader = h.user('USTLEA01', { locale: 'nb-NO' });
    const otherLeader = h.user('USTLEA02', { locale: 'en-GB' });
    const otherSenior = h.user('USTSEN02', { locale: 'en-GB' });
    const stranger = h.user('USTSTR01', { locale: 'en-GB' });
    const f = await followUp(h, senior, leader, { nextEvaluationOn: '2026-04-01', oneToOne: 'WEEKLY' });
    await followUp(h, otherSenior, otherLeader);
    await goal(h, f, 'Halve sick leave', { baseline: 8, target: 4, current: 6 });
    await h.prisma.conversation.create({ data: { followUpId: f.id, heldOn: dayToDate('2026-02-20'), agenda: [], loggedById: f.seniorId } });
    await h.prisma.barrier.create({ data: { followUpId: f.id, kind: 'ORGANISATIONAL', description: 'Budget freeze', createdById: f.leaderId } });
    await h.prisma.actionItem.create({ data: { followUpId: f.id, what: 'Book HR meeting', ownerId: f.leaderId, dueDate: dayToDate('2026-03-01'), createdById: f.seniorId } });

    const en = await statusOf(senior, `<@${leader}>`);
    expect(en).toContain('▓▓▓▓▓░░░░░ *Halve sick leave* (Professional) — 50 %');
    expect(en).toContain('Last one-to-one: <!date^');
    expect(en).toContain('overdue');
    expect(en).toContain('Next evaluation: <!date^');
    expect(en).toContain('Open barriers: 1 — “Budget freeze”');
    expect(en).toContain('Overdue actions: 1');
    expect(en).toContain('Book HR meeting');

    const nb = await statusOf(leader, '');
    expect(nb).toContain('*Halve sick leave* (Faglig) – 50 %');
    expect(nb).toContain('Neste evaluering');
    expect(nb).toContain('Forfalte tiltak: 1');
    expect(await statusOf(leader, `<@${leader}>`)).toContain('Halve sick leave');

    for (const who of [otherLeader, otherSenior, stranger]) {
      const refused = await statusOf(who, `<@${leader}>`);
      expect(refused).toBe(`Only the senior leader who follows up <@${leader}>, or <@${leader}> themselves, can see this summary.`);
    }
    // the leader about someone else
    expect(await statusOf(leader, `<@${otherLeader}>`)).toContain('Bare den overordnede lederen som følger opp');
    expect(await statusOf(stranger, '')).toContain('You have no follow-up yet');
  });

  it('is compact for a senior leader with many leaders', async () => {
    const senior = h.user('USTSEN09', { locale: 'en-GB' });
    for (let i = 0; i < 12; i++) {
      const f = await followUp(h, senior, h.user(`USTL9${String(i).padStart(3, '0')}`, { locale: 'en-GB' }));
      await goal(h, f, `Goal of ${i}`, { baseline: 0, target: 10, current: 5 });
    }
    const text = await statusOf(senior, '');
    expect(text).toContain('<@USTL9000>: 1 goal, 50 % · 0 open barriers · 0 overdue actions');
    expect(text).toContain('Mention a leader for the details');
  });
});

describe('/followup settings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  it('changes language, time zone and reminder hour; the next message is in the new language', async () => {
    const u = h.user('USETUSR1', { locale: 'en-US', tz: 'America/New_York' });
    const changed = spyOnEvent(h.app.ctx.events, 'personChanged');
    await h.command(u, 'settings');
    const view = await openedView(h, 1);
    expect(view.title).toMatchObject({ text: 'Settings' });
    expect(visibleText(view)).toContain('now America/New_York');
    expect(view.blocks.some((b) => b.block_id === settingsForm.ids.wsLanguage.block)).toBe(false);

    for (const zone of ['Mars/Olympus', 'abc', 'Europe/Oslo; DROP TABLE']) {
      const bad = await h.submitView(u, view, {
        [settingsForm.ids.language.block]: { [settingsForm.ids.language.action]: radio('nb') },
        [settingsForm.ids.timezone.block]: { [settingsForm.ids.timezone.action]: text(zone) },
        [settingsForm.ids.hour.block]: { [settingsForm.ids.hour.action]: select('7') },
      });
      expect(bad.json<{ errors: Record<string, string> }>().errors[settingsForm.ids.timezone.block]).toContain('not a time zone I know');
    }
    const forgedHour = await h.submitView(u, view, {
      [settingsForm.ids.language.block]: { [settingsForm.ids.language.action]: radio('nb') },
      [settingsForm.ids.hour.block]: { [settingsForm.ids.hour.action]: select('25') },
    });
    expect(forgedHour.json<{ errors: Record<string, string> }>().errors[settingsForm.ids.hour.block]).toBe('Please choose one of the options.');
    expect(changed).not.toHaveBeenCalled();

    await h.submitView(u, { ...view, id: randomId('V') }, {
      [settingsForm.ids.language.block]: { [settingsForm.ids.language.action]: radio('nb') },
      [settingsForm.ids.timezone.block]: { [settingsForm.ids.timezone.action]: text('europe/oslo') },
      [settingsForm.ids.hour.block]: { [settingsForm.ids.hour.action]: select('7') },
    });
    await dmTo(h, u, 'Innstillingene er lagret. Tidssonen din er Europe/Oslo.');
    const p = await h.prisma.person.findUniqueOrThrow({ where: { workspaceId_slackUserId: { workspaceId: h.teamId, slackUserId: u } } });
    expect(p).toMatchObject({ localeOverride: 'nb', tzOverride: 'Europe/Oslo', reminderHour: 7 });
    expect(changed).toHaveBeenCalledWith(p.id);

    const n = h.slack.responses.length;
    await h.command(u, 'help');
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Slik bruker du /followup');

    // Back to automatic
    const opened = h.slack.callsOf('views.open').length;
    await h.command(u, 'innstillinger');
    const nbView = await openedView(h, opened + 1);
    expect(nbView.title).toMatchObject({ text: 'Innstillinger' });
    await h.submitView(u, { ...nbView, id: randomId('V') }, {
      [settingsForm.ids.language.block]: { [settingsForm.ids.language.action]: radio('auto') },
      [settingsForm.ids.hour.block]: { [settingsForm.ids.hour.action]: select('default') },
    });
    await dmTo(h, u, 'Settings saved. Your time zone is America/New_York.');
    expect(await h.prisma.person.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ localeOverride: null, tzOverride: null, reminderHour: null });
    changed.mockRestore();
  });

  it('a person whose Slack is in bokmål chooses nynorsk in settings: the app answers in nynorsk, nynorsk names work, and back', async () => {
    const u = h.user('USETNYN1', { locale: 'nb-NO', tz: 'Europe/Oslo' });
    const before = h.slack.callsOf('views.open').length;
    await h.command(u, 'innstillinger');
    const view = await openedView(h, before + 1);
    expect(visibleText(view)).toContain('Norsk nynorsk');
    expect(visibleText(view)).toContain('Slack har ikke nynorsk');
    await h.submitView(u, { ...view, id: randomId('V') }, {
      [settingsForm.ids.language.block]: { [settingsForm.ids.language.action]: radio('nn') },
      [settingsForm.ids.hour.block]: { [settingsForm.ids.hour.action]: select('default') },
    });
    await dmTo(h, u, 'Innstillingane er lagra. Tidssona di er Europe/Oslo.');
    const p = await h.prisma.person.findUniqueOrThrow({ where: { workspaceId_slackUserId: { workspaceId: h.teamId, slackUserId: u } } });
    expect(p.localeOverride).toBe('nn');

    let n = h.slack.responses.length;
    await h.command(u, 'hjelp');
    const help = visibleText((await h.slack.waitForResponse(n + 1)).blocks);
    expect(help).toContain('Slik brukar du /followup');
    expect(help).toContain('/followup innstillingar');
    expect(bokmaalWordsIn(help)).toEqual([]);

    // The nynorsk name opens the nynorsk settings, with nynorsk chosen.
    const opened = h.slack.callsOf('views.open').length;
    await h.command(u, 'innstillingar');
    const nnView = await openedView(h, opened + 1);
    expect(nnView.title).toMatchObject({ text: 'Innstillingar' });
    expect(bokmaalWordsIn(visibleText(nnView))).toEqual([]);
    // A mistake is told in nynorsk, and what was chosen stays.
    const bad = await h.submitView(u, nnView, {
      [settingsForm.ids.language.block]: { [settingsForm.ids.language.action]: radio('nn') },
      [settingsForm.ids.timezone.block]: { [settingsForm.ids.timezone.action]: text('Mars/Olympus') },
      [settingsForm.ids.hour.block]: { [settingsForm.ids.hour.action]: select('default') },
    });
    expect(bad.json<{ errors: Record<string, string> }>().errors[settingsForm.ids.timezone.block]).toContain('Den tidssona kjenner eg ikkje.');
    await h.submitView(u, { ...nnView, id: randomId('V') }, {
      [settingsForm.ids.language.block]: { [settingsForm.ids.language.action]: radio('auto') },
      [settingsForm.ids.hour.block]: { [settingsForm.ids.hour.action]: select('default') },
    });
    await dmTo(h, u, 'Innstillingene er lagret. Tidssonen din er Europe/Oslo.');
    n = h.slack.responses.length;
    await h.command(u, 'help');
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Slik bruker du /followup');
  });

  it('lets an admin set workspace defaults that apply to people without their own, and refuses a forged admin section', async () => {
    const admin = h.user('USETADM1', { locale: 'en-GB', is_admin: true });
    const plainUser = h.user('USETUSR2', { locale: 'en-GB' });
    const noLocale = h.user('USETNOL1', { locale: undefined });
    await person(h, noLocale);
    const opened = h.slack.callsOf('views.open').length;
    await h.command(admin, 'settings');
    const view = await openedView(h, opened + 1);
    expect(visibleText(view)).toContain('Workspace defaults');
    const values = {
      [settingsForm.ids.language.block]: { [settingsForm.ids.language.action]: radio('auto') },
      [settingsForm.ids.hour.block]: { [settingsForm.ids.hour.action]: select('default') },
      [settingsForm.ids.wsLanguage.block]: { [settingsForm.ids.wsLanguage.action]: radio('nb') },
      [settingsForm.ids.wsTimezone.block]: { [settingsForm.ids.wsTimezone.action]: text('Europe/Oslo') },
      [settingsForm.ids.wsHour.block]: { [settingsForm.ids.wsHour.action]: select('8') },
    };
    const forged = await h.submitView(plainUser, view, values);
    expect(forged.json<{ errors: Record<string, string> }>().errors[settingsForm.ids.language.block]).toBe('You do not have access to this.');
    expect((await h.prisma.workspace.findUniqueOrThrow({ where: { id: h.teamId } })).defaultLocale).toBeNull();

    await h.submitView(admin, { ...view, id: randomId('V') }, values);
    await dmTo(h, admin, 'Settings saved');
    expect(await h.prisma.workspace.findUniqueOrThrow({ where: { id: h.teamId } })).toMatchObject({ defaultLocale: 'nb', defaultTimezone: 'Europe/Oslo', defaultReminderHour: 8 });
    const n = h.slack.responses.length;
    await h.command(noLocale, 'help');
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Slik bruker du /followup');
  });
});

describe('/followup settings: the country whose public holidays reminders skip', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  const ids = settingsForm.ids;
  const personal = (country: string) => ({
    [ids.language.block]: { [ids.language.action]: radio('auto') },
    [ids.hour.block]: { [ids.hour.action]: select('default') },
    [ids.holidayCountry.block]: { [ids.holidayCountry.action]: text(country) },
  });

  it('a bokmål reader sets their own country; an unknown one is refused on its field, in bokmål', async () => {
    const u = h.user('USETHOL1', { locale: 'nb-NO', tz: 'Europe/Oslo' });
    const n = h.slack.callsOf('views.open').length;
    await h.command(u, 'innstillinger');
    const view = await openedView(h, n + 1);
    expect(visibleText(view)).toContain('Helligdager fra landet');
    expect(visibleText(view)).toContain('arbeidsområdets standard (NO)');
    const bad = await h.submitView(u, view, personal('Narnia'));
    expect(bad.json<{ errors: Record<string, string> }>().errors).toEqual({ [ids.holidayCountry.block]: expect.stringContaining('Det landet kjenner jeg ikke') });
    await h.submitView(u, { ...view, id: randomId('V') }, personal(' se '));
    await dmTo(h, u, 'Innstillingene er lagret');
    const p = await h.prisma.person.findUniqueOrThrow({ where: { workspaceId_slackUserId: { workspaceId: h.teamId, slackUserId: u } } });
    expect(p.holidayCountry).toBe('SE');

    // A settings modal opened before the field existed (no private_metadata) leaves the country alone.
    await h.submitView(u, { ...view, id: randomId('V'), private_metadata: '' }, { [ids.language.block]: { [ids.language.action]: radio('auto') }, [ids.hour.block]: { [ids.hour.action]: select('default') } });
    await settle(h);
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: p.id } })).holidayCountry).toBe('SE');

    // Emptied: the workspace's country again.
    await h.submitView(u, { ...view, id: randomId('V') }, personal(''));
    await settle(h);
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: p.id } })).holidayCountry).toBeNull();
  });

  it('an English admin sets the workspace\'s country; an unknown one is refused on its field, in English', async () => {
    const admin = h.user('USETHOL2', { locale: 'en-GB', is_admin: true });
    const n = h.slack.callsOf('views.open').length;
    await h.command(admin, 'settings');
    const view = await openedView(h, n + 1);
    expect(visibleText(view)).toContain('Default country for public holidays');
    const values = (country: string) => ({
      ...personal(''),
      [ids.wsLanguage.block]: { [ids.wsLanguage.action]: radio('auto') },
      [ids.wsHour.block]: { [ids.wsHour.action]: select('9') },
      [ids.wsHolidayCountry.block]: { [ids.wsHolidayCountry.action]: text(country) },
    });
    const bad = await h.submitView(admin, view, values('XX'));
    expect(bad.json<{ errors: Record<string, string> }>().errors).toEqual({ [ids.wsHolidayCountry.block]: expect.stringContaining('That is not a country I know') });
    await h.submitView(admin, { ...view, id: randomId('V') }, values('gb'));
    await dmTo(h, admin, 'Settings saved');
    expect((await h.prisma.workspace.findUniqueOrThrow({ where: { id: h.teamId } })).defaultHolidayCountry).toBe('GB');
    // The next settings modal names it as the default.
    const m = h.slack.callsOf('views.open').length;
    await h.command(admin, 'settings');
    expect(visibleText(await openedView(h, m + 1))).toContain('workspace default (GB)');
  });
});
