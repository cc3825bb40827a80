import { dayToDate } from '../../src/time/dates';
import { evaluateForm } from '../../src/slack/features/evaluate/fields';
import { planForm } from '../../src/slack/features/plan/fields';
import { conversationForm } from '../../src/slack/features/conversation/fields';
import { setupForm } from '../../src/slack/features/setup/fields';
import { FixedClock, Harness, visibleText } from '../support/harness';
import { acceptInvitation, setupValues } from '../support/flows';
import { goal, openedView, settle } from '../support/seed';
import { date, radio, select, text, user } from '../support/steps';
import { bokmaalWordsIn, englishDatesIn } from '../support/readerDates';

/**
 * Dates a Norwegian reads in Norwegian (issue 12 §1), end to end: a senior leader and a leader whose
 * Slack is in bokmål (and a nynorsk pair: one by Slack locale nn-NO, one by the app's settings) go through setup, a goal with a target date and a milestone, an action item,
 * a one-to-one, an evaluation, App Home, status and schedule. Every message and view they were
 * sent has its dates written out on the server ("i morgen", "onsdag", "3. desember", "kl. 09.00")
 * and not one Slack date token or English date word. An English reader of the same follow-up gets
 * Slack's tokens.
 */
describe('dates for a bokmål and a nynorsk reader, in every message and view', () => {
  let h: Harness;
  /** A bokmål pair (Slack in bokmål) and a nynorsk pair (Slack in nynorsk; the leader chose it in settings). */
  const READERS = {
    nb: { S: 'USENNBD1', L: 'ULEANBD1', channel: 'C0TEAMNB', tomorrow: 'i morgen', moved: '(flyttet fra 17. mai 2028: Grunnlovsdag)', goal: 'Bedre samarbeid i teamet', what: 'Avtal møte med HR', notes: 'God prat', action: 'Les boka' },
    nn: { S: 'USENNND1', L: 'ULEANND1', channel: 'C0TEAMNN', tomorrow: 'i morgon', moved: '(flytt frå 17. mai 2028: Grunnlovsdag)', goal: 'Betre samarbeid i teamet', what: 'Avtal møte med HR', notes: 'God prat', action: 'Les boka' },
  } as const;
  const E = 'USENEND1';
  const LE = 'ULEAEND1';

  beforeAll(async () => {
    // Monday 29 November 2027, 10:00 in Oslo (week 48).
    h = await Harness.start({ clock: new FixedClock('2027-11-29T09:00:00Z') });
    h.user(READERS.nb.S, { locale: 'nb-NO', tz: 'Europe/Oslo' });
    h.user(READERS.nb.L, { locale: 'nb-NO', tz: 'Europe/Oslo' });
    h.user(READERS.nn.S, { locale: 'nn-NO', tz: 'Europe/Oslo' });
    // Slack in bokmål, nynorsk chosen in the app's settings.
    h.user(READERS.nn.L, { locale: 'nb-NO', tz: 'Europe/Oslo' });
    h.user(E, { locale: 'en-GB', tz: 'Europe/Oslo' });
    h.user(LE, { locale: 'en-GB', tz: 'Europe/Oslo' });
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  async function modal(userId: string, command: string) {
    const n = h.slack.callsOf('views.open').length;
    await h.command(userId, command);
    return openedView(h, n + 1);
  }

  /** Every payload the fake Slack recorded for `userId` (DMs, ephemeral replies, Home, modals opened by them). */
  function readBy(userId: string, fromCall: number, fromResponse: number): { what: string; text: string }[] {
    const out: { what: string; text: string }[] = [];
    const dm = `D${userId.replace(/^U/, '')}`;
    h.slack.calls.slice(fromCall).forEach((c, i) => {
      const a = c.args as Record<string, unknown>;
      const mine =
        (c.method === 'chat.postMessage' && (a.channel === userId || a.channel === dm)) ||
        (c.method === 'chat.postEphemeral' && a.user === userId) ||
        (c.method === 'views.publish' && a.user_id === userId) ||
        c.method === 'views.open' ||
        c.method === 'views.update';
      if (mine) out.push({ what: `${c.method} #${fromCall + i}`, text: `${typeof a.text === 'string' ? a.text : ''}\n${visibleText(a.blocks ?? a.view)}` });
    });
    h.slack.responses.slice(fromResponse).forEach((r, i) => out.push({ what: `response #${fromResponse + i}`, text: `${String(r.body.text ?? '')}\n${visibleText(r.body.blocks)}` }));
    return out;
  }

  it.each(['nb', 'nn'] as const)('setup, goal, plan, one-to-one, evaluation, Home, status and schedule: dates in %s, never a token or an English word', async (lang) => {
    const { S, L, channel, tomorrow, moved } = READERS[lang];
    if (lang === 'nn') await h.prisma.person.upsert({
      where: { workspaceId_slackUserId: { workspaceId: h.teamId, slackUserId: L } },
      create: { workspaceId: h.teamId, slackUserId: L, localeOverride: 'nn' },
      update: { localeOverride: 'nn' },
    });
    const calls0 = h.slack.calls.length;
    const responses0 = h.slack.responses.length;

    // Setup, with the team channel's language.
    const setupView = await modal(S, `setup <@${L}>`);
    expect(visibleText(setupView)).toContain('Språk i teamkanalen');
    const saved = await h.submitView(S, setupView, {
      ...setupValues({ leader: L, channel, oneToOne: 'WEEKLY', startDate: '2027-11-29' }),
      [setupForm.ids.teamLocale.block]: { [setupForm.ids.teamLocale.action]: select(lang) },
    });
    expect(saved.status).toBe(200);
    await acceptInvitation(h, S, L);
    await settle(h);
    const f = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, leader: { slackUserId: L } } });
    expect(f.teamLocale).toBe(lang);

    // A goal due Friday 3 December, a milestone due tomorrow; the next evaluation 10 January 2028.
    const g = await goal(h, f, READERS[lang].goal, { baseline: 1, target: 5, unit: 'poeng', targetDate: '2027-12-03' });
    await h.prisma.milestone.create({ data: { goalId: g.id, title: 'Første teammøte', dueDate: dayToDate('2027-11-30'), position: 1 } });
    await h.prisma.followUp.update({ where: { id: f.id }, data: { nextEvaluationOn: dayToDate('2028-01-10') } });

    // An action item due Wednesday (plan modal): the DM names the day.
    const planView = await modal(S, `plan <@${L}>`);
    await h.submitView(S, planView, {
      [planForm.ids.leaderUserId.block]: { [planForm.ids.leaderUserId.action]: user(L) },
      [planForm.ids.what.block]: { [planForm.ids.what.action]: text(READERS[lang].what) },
      [planForm.ids.owner.block]: { [planForm.ids.owner.action]: radio('leader') },
      [planForm.ids.dueDate.block]: { [planForm.ids.dueDate.action]: date('2027-12-01') },
    });
    await settle(h);

    // A one-to-one held today, with an agreed action due on 20 December.
    const convView = await modal(S, `conversation <@${L}>`);
    await h.submitView(S, convView, {
      [conversationForm.ids.heldOn.block]: { [conversationForm.ids.heldOn.action]: date('2027-11-29') },
      [conversationForm.ids.notes.block]: { [conversationForm.ids.notes.action]: text(READERS[lang].notes) },
      [conversationForm.ids.action1.block]: { [conversationForm.ids.action1.action]: text(READERS[lang].action) },
      [conversationForm.ids.actionDue1.block]: { [conversationForm.ids.actionDue1.action]: date('2027-12-20') },
    });
    await settle(h);

    // The evaluation modal shows the goal's target date; the evaluation messages the next one.
    const evalView = await modal(S, `evaluate <@${L}>`);
    expect(visibleText(evalView)).toContain('fredag');
    await h.submitView(S, evalView, {
      [evaluateForm.ids.assessment0.block]: { [evaluateForm.ids.assessment0.action]: radio('ON_TRACK') },
      [evaluateForm.ids.next.block]: { [evaluateForm.ids.next.action]: date('2028-01-10') },
    });
    await settle(h);

    // Home for both, status, and the schedule with a reminder moved off a public holiday.
    await h.openHome(L);
    await h.openHome(S);
    await h.command(S, `status <@${L}>`);
    const leader = await h.prisma.person.findFirstOrThrow({ where: { workspaceId: h.teamId, slackUserId: L } });
    await h.prisma.reminder.create({
      data: {
        key: `test-moved-${f.id}`,
        workspaceId: h.teamId,
        kind: 'action',
        recipientId: leader.id,
        subjectId: f.id,
        followUpId: f.id,
        dueAt: new Date('2028-05-18T07:00:00Z'),
        payload: { movedFrom: '2028-05-17', holiday: 'Grunnlovsdag' },
      },
    });
    await h.command(L, 'schedule');
    await settle(h);

    const read = [...readBy(S, calls0, responses0), ...readBy(L, calls0, responses0)];
    const all = read.map((r) => r.text).join('\n');
    // What they read, dated in their language relative to today (Monday 29 November 2027).
    expect(all).toContain(tomorrow); // the milestone
    expect(all).toContain('onsdag'); // the action item
    expect(all).toContain('fredag'); // the goal's target date
    expect(all).toContain('20. desember'); // the agreed action
    expect(all).toContain('10. januar 2028'); // the next evaluation
    expect(all).toContain('i dag'); // the one-to-one
    expect(all).toContain('18. mai 2028 kl. 09.00'); // the schedule, local time
    expect(all).toContain(moved);
    const problems = read.flatMap((r) => englishDatesIn(r.text).map((word) => `${r.what}: ${word}`));
    expect(problems).toEqual([]);
    // A nynorsk reader reads no bokmål: not in a date, not in any text of the app.
    if (lang === 'nn') expect(read.flatMap((r) => bokmaalWordsIn(r.text).map((word) => `${r.what}: ${word}`))).toEqual([]);
    expect(read.length).toBeGreaterThan(10);
  });

  it('an English reader of the same kind of follow-up gets Slack date tokens with an English fallback', async () => {
    const calls0 = h.slack.calls.length;
    const setupView = await modal(E, `setup <@${LE}>`);
    await h.submitView(E, setupView, setupValues({ leader: LE, channel: 'C0TEAMEN', oneToOne: 'WEEKLY', startDate: '2027-11-29' }));
    await acceptInvitation(h, E, LE);
    await settle(h);
    const f = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, leader: { slackUserId: LE } } });
    expect(f.teamLocale).toBeNull();
    await goal(h, f, 'Better teamwork', { targetDate: '2027-12-03' });
    const home = visibleText(await h.openHome(E));
    expect(home).toMatch(/<!date\^\d+\^\{date_short_pretty\}\|Friday 3 December 2027>/);
    expect(h.slack.calls.length).toBeGreaterThan(calls0);
  });
});

describe('the harness check over every recorded message (all integration tests)', () => {
  it('finds a Slack date token sent to a bokmål reader, and none sent to an English one', async () => {
    const h = await Harness.start();
    try {
      const nbUser = h.user('UCHKNB01', { locale: 'nb-NO', tz: 'Europe/Oslo' });
      const enUser = h.user('UCHKEN01', { locale: 'en-GB', tz: 'Europe/Oslo' });
      await h.app.services.people.resolve(h.teamId, nbUser);
      await h.app.services.people.resolve(h.teamId, enUser);
      const token = '<!date^1795000000^{date_short_pretty}|3 December 2026>';
      await h.app.ctx.web.chat.postMessage({ channel: enUser, text: `Due ${token}` });
      expect(await h.norwegianDateTokens()).toEqual([]);
      await h.app.ctx.web.chat.postMessage({ channel: nbUser, text: `Frist ${token}` });
      const found = await h.norwegianDateTokens();
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(`chat.postMessage to ${nbUser} (bokmål) holds a Slack date token`);
    } finally {
      // This harness's deliberate token is not a finding of the suite.
      h.slack.calls.length = 0;
      await h.close();
    }
  });
});
