import { WebClient } from '@slack/web-api';
import { celebrationKey } from '../../src/domain/celebrations';
import { feedbackForm } from '../../src/slack/features/feedback/fields';
import { learnForm } from '../../src/slack/features/learn/fields';
import { QuestionIds } from '../../src/slack/features/questions/fields';
import { settingsForm } from '../../src/slack/features/settings/fields';
import { ExportIds } from '../../src/slack/features/export/views';
import { dayToDate } from '../../src/time/dates';
import { checkMessage, checkView } from '../support/blockKit';
import { FixedClock, Harness, randomId, visibleText } from '../support/harness';
import { goalValues, openModal, setupFollowUp } from '../support/flows';
import { dmTo, openedView, person, settle } from '../support/seed';
import { recordEvents } from '../support/steps';

/** Polls an asynchronous condition (work after an ack) for up to 5 s. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const text = (v: string) => ({ type: 'plain_text_input', value: v });
const radio = (v: string) => ({ type: 'radio_buttons', selected_option: { value: v } });
const select = (v: string) => ({ type: 'static_select', selected_option: { value: v } });

/**
 * Data rights (issue 11, section 2): erasure keeps the other person's own data and deletes the
 * app's messages with the erased person's content; every erasure and admin export is audited and
 * admins read the log; the retention setting; "add question" confirms admin with Slack.
 */
describe('erasure and the audit log', () => {
  let h: Harness;
  let senior: string;
  let leader: string;
  let adminEn: string;
  let adminNb: string;
  let followUpId: string;
  let feedbackDm: { channel: string; ts: string };
  let learningPost: { channel: string; ts: string };
  let celebrationPost: { channel: string; ts: string };

  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-11-26T09:00:00Z') });
    senior = h.user('UERSEN01', { locale: 'en-GB' });
    leader = h.user('UERLEA01', { locale: 'nb-NO' });
    adminEn = h.user('UERADM01', { locale: 'en-GB', is_admin: true });
    adminNb = h.user('UERADM02', { locale: 'nb-NO', is_admin: true });
    await setupFollowUp(h, senior, leader, { channel: 'C0ERTEAM' });
    const f = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, senior: { slackUserId: senior } } });
    followUpId = f.id;
    // The senior leader types in a goal for the leader (it stays the leader's).
    const goalView = await openModal(h, senior, `goal <@${leader}>`);
    await h.submitView(senior, goalView, goalValues({ leader, title: 'Leader goal' }));
    const goal = await h.prisma.goal.findFirstOrThrow({ where: { followUpId, title: 'Leader goal' } });

    // Feedback from the senior leader: a DM to the leader.
    const fbView = await openModal(h, senior, 'feedback');
    const posts = h.slack.callsOf('chat.postMessage').length;
    await h.submitView(senior, fbView, {
      [feedbackForm.ids.receiverUserId.block]: { [feedbackForm.ids.receiverUserId.action]: { type: 'users_select', selected_user: leader } },
      [feedbackForm.ids.works.block]: { [feedbackForm.ids.works.action]: text('FEEDBACK-WORKS') },
      [feedbackForm.ids.improve.block]: { [feedbackForm.ids.improve.action]: text('FEEDBACK-IMPROVE') },
      [feedbackForm.ids.advice.block]: { [feedbackForm.ids.advice.action]: text('FEEDBACK-ADVICE') },
    });
    const isFeedback = (c: { args: Record<string, unknown> }) => c.args.channel === leader && JSON.stringify(c.args).includes('FEEDBACK-WORKS');
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').slice(posts).some(isFeedback), 5000, 'the feedback DM');
    const fb = h.slack.callsOf('chat.postMessage').slice(posts).find(isFeedback)!;
    feedbackDm = { channel: leader, ts: fb.ts! };
    await eventually(async () => !!(await h.prisma.feedback.findFirst({ where: { works: 'FEEDBACK-WORKS', messageTs: { not: null } } })), 'the feedback DM recorded');
    expect((await h.prisma.feedback.findFirstOrThrow({ where: { works: 'FEEDBACK-WORKS' } })).messageChannelId).toBe(`D${leader.slice(1)}`);

    // A learning the leader shares to the team channel.
    const learnView = await openModal(h, leader, 'learn');
    const before = h.slack.callsOf('chat.postMessage').length;
    await h.submitView(leader, learnView, {
      [learnForm.ids.what.block]: { [learnForm.ids.what.action]: text('LEARNING-SHARED') },
      [learnForm.ids.learned.block]: { [learnForm.ids.learned.action]: text('ask earlier') },
      [learnForm.ids.share.block]: { [learnForm.ids.share.action]: { type: 'checkboxes', selected_options: [{ value: 'share' }] } },
    });
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').slice(before).some((c) => c.args.channel === 'C0ERTEAM'), 5000, 'the shared learning');
    learningPost = { channel: 'C0ERTEAM', ts: h.slack.callsOf('chat.postMessage').slice(before).find((c) => c.args.channel === 'C0ERTEAM')!.ts! };
    await eventually(async () => !!(await h.prisma.learning.findFirst({ where: { whatHappened: 'LEARNING-SHARED', sharedChannelId: 'C0ERTEAM' } })), 'the share recorded');

    // The leader's private reflection and an unshared learning; the senior leader's notes and evaluation.
    const leaderId = f.leaderId;
    await h.prisma.reflection.create({ data: { followUpId, authorId: leaderId, prompts: [], answers: ['REFLECTION-PRIVATE'] } });
    await h.prisma.learning.create({ data: { followUpId, authorId: leaderId, whatHappened: 'LEARNING-PRIVATE', learned: 'x' } });
    await h.prisma.conversation.create({ data: { followUpId, heldOn: dayToDate('2026-11-20'), agenda: [], notes: 'SENIOR-NOTES', loggedById: f.seniorId } });
    await h.prisma.evaluation.create({ data: { followUpId, heldOn: dayToDate('2026-11-20'), authorId: f.seniorId, summary: 'SENIOR-EVALUATION' } });

    // A celebration of the leader's goal, posted by the celebrations worker (the ledger holds channel + ts).
    const web = new WebClient(h.slack.token, { slackApiUrl: h.slack.apiUrl });
    const cel = await web.chat.postMessage({ channel: 'C0ERTEAM', text: `<@${leader}> nådde målet Leader goal` });
    celebrationPost = { channel: 'C0ERTEAM', ts: cel.ts! };
    await h.prisma.delivery.create({
      data: { key: celebrationKey('goal', goal.id), workspaceId: h.teamId, kind: 'celebration-goal', channelId: 'C0ERTEAM', recipientId: f.seniorId, status: 'SENT', messageTs: cel.ts! },
    });
    await settle(h);
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  async function eraseAs(admin: string, target: string): Promise<string> {
    const n = h.slack.responses.length;
    await h.command(admin, `export <@${target}>`);
    const reply = await h.slack.waitForResponse(n + 1);
    expect(checkMessage(reply as never)).toEqual([]);
    await h.action(admin, { type: 'button', action_id: ExportIds.eraseButton, value: target }, { response_url: h.newResponseUrl() });
    return String((await h.slack.waitForResponse(n + 2)).text ?? '');
  }

  it('erasing the senior leader (English admin) ends the follow-up, keeps the leader\'s goals, reflections and learnings, and deletes the feedback DM', async () => {
    const events = recordEvents(h);
    const seniorId = (await h.prisma.followUp.findUniqueOrThrow({ where: { id: followUpId } })).seniorId;
    const reply = await eraseAs(adminEn, senior);
    expect(reply).toBe(`The data of <@${senior}> has been erased: 1 follow-up ended, 1 message deleted.`);
    expect(h.slack.isDeleted(feedbackDm.channel, feedbackDm.ts)).toBe(true);
    expect(h.slack.isDeleted(learningPost.channel, learningPost.ts)).toBe(false);
    expect(h.slack.isDeleted(celebrationPost.channel, celebrationPost.ts)).toBe(false);

    const f = await h.prisma.followUp.findUniqueOrThrow({ where: { id: followUpId }, include: { senior: true } });
    expect(f.status).toBe('ENDED');
    // The runner publishes the erasure's event: the follow-up's reminders and the person's are re-planned (cancelled).
    await eventually(async () => events.calls.some((e) => e[0] === 'personLeft'), 'the personLeft event');
    expect(events.calls.filter((e) => e[0] === 'personLeft')).toEqual([['personLeft', seniorId, followUpId]]);
    expect(f.senior).toMatchObject({ displayName: null, realName: null, deleted: true });
    expect(await h.prisma.person.count({ where: { workspaceId: h.teamId, slackUserId: senior } })).toBe(0);
    // The leader's own data stays (the goal the senior leader typed in too).
    expect(await h.prisma.goal.count({ where: { followUpId, title: 'Leader goal' } })).toBe(1);
    expect(await h.prisma.reflection.count({ where: { followUpId } })).toBe(1);
    expect(await h.prisma.learning.count({ where: { followUpId } })).toBe(2);
    // What the senior leader wrote is gone.
    expect(await h.prisma.conversation.count({ where: { followUpId } })).toBe(0);
    expect(await h.prisma.evaluation.count({ where: { followUpId } })).toBe(0);
    expect(await h.prisma.feedback.count({ where: { workspaceId: h.teamId } })).toBe(0);

    // The leader still reads App Home.
    const home = visibleText(await h.openHome(leader));
    expect(home).not.toContain('FEEDBACK-WORKS');
    expect(home).not.toContain(senior);
    expect(home).not.toContain('erased-');
  });

  it('erasing the leader (bokmål admin) deletes their goals, reflections and learnings and the shared learning and celebration posts', async () => {
    (h.clock as FixedClock).advance({ hours: 2 });
    const reply = await eraseAs(adminNb, leader);
    expect(reply).toBe(`Dataene til <@${leader}> er slettet: 0 oppfølginger avsluttet, 2 meldinger slettet.`);
    expect(h.slack.isDeleted(learningPost.channel, learningPost.ts)).toBe(true);
    expect(h.slack.isDeleted(celebrationPost.channel, celebrationPost.ts)).toBe(true);
    expect(await h.prisma.goal.count({ where: { followUpId } })).toBe(0);
    expect(await h.prisma.reflection.count({ where: { followUpId } })).toBe(0);
    expect(await h.prisma.learning.count({ where: { followUpId } })).toBe(0);
    expect(await h.prisma.delivery.count({ where: { workspaceId: h.teamId, kind: 'celebration-goal' } })).toBe(0);
    expect(await h.prisma.person.count({ where: { workspaceId: h.teamId, slackUserId: { in: [senior, leader] } } })).toBe(0);
  });

  it('writes every erasure and admin export to an audit log that admins read (en, nb) and others cannot', async () => {
    let n = h.slack.responses.length;
    await h.command(adminEn, 'export audit');
    const en = await h.slack.waitForResponse(n + 1);
    expect(checkMessage(en as never)).toEqual([]);
    const enText = visibleText(en.blocks);
    expect(enText).toContain('Admin actions and setting changes');
    expect(enText).toContain(`<@${adminEn}> had the data of <@${senior}> exported`);
    expect(enText).toContain(`<@${adminEn}> erased the data of <@${senior}>`);
    expect(enText).toContain(`<@${adminNb}> erased the data of <@${leader}>`);
    // Newest first.
    expect(enText.indexOf(`<@${adminNb}> erased the data of <@${leader}>`)).toBeLessThan(enText.indexOf(`<@${adminEn}> erased the data of <@${senior}>`));

    n = h.slack.responses.length;
    await h.command(adminNb, 'eksport oversikt');
    const nb = visibleText((await h.slack.waitForResponse(n + 1)).blocks);
    expect(nb).toContain('Handlinger av administratorer og innstillinger');
    expect(nb).toContain(`<@${adminNb}> fikk eksportert dataene til <@${leader}>`);
    expect(nb).toContain(`<@${adminNb}> slettet dataene til <@${leader}>`);
    expect(await h.prisma.auditEntry.count({ where: { workspaceId: h.teamId } })).toBe(4);

    const plain = h.user('UERPLN01', { locale: 'en-GB' });
    n = h.slack.responses.length;
    await h.command(plain, 'export audit');
    expect((await h.slack.waitForResponse(n + 1)).text).toBe('You do not have access to this.');
    // A person's export of their own data is not audited (only admins' exports of others).
    n = h.slack.responses.length;
    await h.command(plain, 'export');
    await h.slack.waitForResponse(n + 1);
    expect(await h.prisma.auditEntry.count({ where: { workspaceId: h.teamId } })).toBe(4);
  });
});

describe('settings: purge ended follow-ups after N days (admins)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  const adminValues = (days: string, language: string) => ({
    [settingsForm.ids.language.block]: { [settingsForm.ids.language.action]: radio(language) },
    [settingsForm.ids.hour.block]: { [settingsForm.ids.hour.action]: select('default') },
    [settingsForm.ids.wsLanguage.block]: { [settingsForm.ids.wsLanguage.action]: radio('auto') },
    [settingsForm.ids.wsHour.block]: { [settingsForm.ids.wsHour.action]: select('9') },
    [settingsForm.ids.purgeEndedAfterDays.block]: { [settingsForm.ids.purgeEndedAfterDays.action]: text(days) },
  });
  const purgeDays = async () => (await h.prisma.workspace.findUniqueOrThrow({ where: { id: h.teamId } })).purgeEndedFollowUpsAfterDays;

  it('refuses a number out of range with a clear message in the admin\'s language, saves a good one, and empty turns it off', async () => {
    const en = h.user('USRADM01', { locale: 'en-GB', is_admin: true });
    const nb = h.user('USRADM02', { locale: 'nb-NO', is_admin: true });
    let opened = h.slack.callsOf('views.open').length;
    await h.command(en, 'settings');
    let view = await openedView(h, opened + 1);
    expect(checkView(view)).toEqual([]);
    expect(visibleText(view)).toContain('Purge ended follow-ups after (days)');

    let res = await h.submitView(en, { ...view, id: randomId('V') }, adminValues('0', 'auto'));
    expect(res.json<{ errors: Record<string, string> }>().errors[settingsForm.ids.purgeEndedAfterDays.block]).toBe(
      'Enter a whole number of days from 1 to 3650, or leave it empty to keep ended follow-ups.',
    );
    expect(await purgeDays()).toBeNull();

    opened = h.slack.callsOf('views.open').length;
    await h.command(nb, 'innstillinger');
    view = await openedView(h, opened + 1);
    expect(visibleText(view)).toContain('Slett avsluttede oppfølginger etter (dager)');
    res = await h.submitView(nb, { ...view, id: randomId('V') }, adminValues('5000', 'auto'));
    expect(res.json<{ errors: Record<string, string> }>().errors[settingsForm.ids.purgeEndedAfterDays.block]).toBe(
      'Skriv et helt antall dager fra 1 til 3650, eller la feltet stå tomt for å beholde avsluttede oppfølginger.',
    );
    res = await h.submitView(nb, { ...view, id: randomId('V') }, adminValues('90', 'auto'));
    expect(res.body).toBeFalsy();
    await dmTo(h, nb, 'lagret');
    expect(await purgeDays()).toBe(90);

    // The modal shows the current value; empty turns purging off.
    opened = h.slack.callsOf('views.open').length;
    await h.command(en, 'settings');
    view = await openedView(h, opened + 1);
    const block = view.blocks.find((b) => b.block_id === settingsForm.ids.purgeEndedAfterDays.block) as { element: { initial_value?: string } };
    expect(block.element.initial_value).toBe('90');
    res = await h.submitView(en, { ...view, id: randomId('V') }, adminValues('', 'auto'));
    expect(res.body).toBeFalsy();
    await eventually(async () => (await purgeDays()) === null, 'retention off');
  });

  it('is not shown to a person who is not an admin', async () => {
    const u = h.user('USRUSR01', { locale: 'en-GB' });
    const opened = h.slack.callsOf('views.open').length;
    await h.command(u, 'settings');
    const view = await openedView(h, opened + 1);
    expect(view.blocks.some((b) => b.block_id === settingsForm.ids.purgeEndedAfterDays.block)).toBe(false);
  });
});

describe('questions: "add question" confirms admin with Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  const click = async (user: string) => {
    const n = h.slack.responses.length;
    const opened = h.slack.callsOf('views.open').length;
    await h.action(user, { type: 'button', action_id: QuestionIds.addButton, value: 'add' }, { response_url: h.newResponseUrl() });
    await h.slack.waitFor(() => h.slack.responses.length > n || h.slack.callsOf('views.open').length > opened, 5000, 'an answer');
    return { reply: h.slack.responses.length > n ? h.slack.responses[n].body.text : null, opened: h.slack.callsOf('views.open').length > opened };
  };

  it('opens the modal for an admin Slack confirms', async () => {
    const admin = h.user('UQAADM01', { locale: 'en-GB', is_admin: true });
    await person(h, admin, { isAdmin: true });
    expect(await click(admin)).toEqual({ reply: null, opened: true });
  });

  it('refuses a person whose cached flag says admin when Slack says they are not any more (nb)', async () => {
    const former = h.user('UQAADM02', { locale: 'nb-NO', is_admin: false });
    await person(h, former, { isAdmin: true });
    expect(await click(former)).toEqual({
      reply: 'Bare administratorer av arbeidsområdet kan legge til spørsmål i spørsmålsbanken. Spør en administrator hvis du har et godt spørsmål.',
      opened: false,
    });
  });

  it('fails closed when Slack cannot confirm (en)', async () => {
    const admin = h.user('UQAADM03', { locale: 'en-GB', is_admin: true });
    await person(h, admin, { isAdmin: true });
    h.slack.fail('users.info', { error: 'internal_error' }, { times: Infinity, match: (a) => a.user === admin });
    try {
      expect(await click(admin)).toEqual({
        reply: 'Slack could not confirm right now that you are a workspace admin, so nothing was changed. Please try again in a minute.',
        opened: false,
      });
    } finally {
      h.slack.clearFaults();
    }
  });
});
