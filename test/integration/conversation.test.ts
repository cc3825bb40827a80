import { Harness, randomId, visibleText } from '../support/harness';
import { GoalEditIds, MilestoneIds } from '../../src/slack/ids';
import { CheckInIds } from '../../src/slack/features/checkin/views';
import {
  LONG_TEXT,
  MIXED,
  actorOf,
  checks,
  commandReply,
  date,
  dmsTo,
  eventually,
  isoDayIn,
  openModal,
  radio,
  recordEvents,
  seedFollowUp,
  seedGoal,
  settle,
  select,
  submit,
  text,
} from '../support/steps';
import { ConversationIds, QuestionIds, ReflectIds } from '../support/slackIds';

const SENIOR = 'UCVSEN01';
const LEADER = 'UCVLEAD1';
const LEADER2 = 'UCVLEAD2';
const OTHER_LEADER = 'UCVLEAD3';
const OTHER_SENIOR = 'UCVSEN02';
const ADMIN = 'UCVADM01';

type Values = Record<string, Record<string, unknown>>;
function conversationValues(opts: { date: string | null; questions?: string[]; actions?: string[]; notes?: string | null; agreed?: [string | null, string | null][] }): Values {
  const v: Values = {
    [ConversationIds.dateBlock]: { [ConversationIds.dateInput]: date(opts.date) },
    [ConversationIds.questionsBlock]: { [ConversationIds.questionsInput]: checks(opts.questions ?? []) },
    [ConversationIds.notesBlock]: { [ConversationIds.notesInput]: text(opts.notes ?? null) },
  };
  if (opts.actions) v[ConversationIds.openActionsBlock] = { [ConversationIds.openActionsInput]: checks(opts.actions) };
  for (let n = 1; n <= 3; n++) {
    const [what, due] = opts.agreed?.[n - 1] ?? [null, null];
    v[ConversationIds.actionBlock(n)] = { [ConversationIds.actionInput(n)]: text(what) };
    v[ConversationIds.actionDueBlock(n)] = { [ConversationIds.actionDueInput(n)]: date(due) };
  }
  return v;
}

function checkboxOptions(view: Record<string, unknown>, blockId: string): { options: { value: string }[]; initial: { value: string }[] } {
  const block = (view.blocks as { block_id?: string; element?: { options?: { value: string }[]; initial_options?: { value: string }[] } }[]).find((b) => b.block_id === blockId);
  return { options: block?.element?.options ?? [], initial: block?.element?.initial_options ?? [] };
}

describe('/followup conversation and /followup questions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
    h.user(SENIOR, { locale: 'en-GB', tz: 'America/New_York' });
    h.user(LEADER, { locale: 'nb-NO', tz: 'Europe/Oslo' });
    h.user(LEADER2, { locale: 'en-GB' });
    h.user(OTHER_LEADER, { locale: 'en-GB' });
    h.user(OTHER_SENIOR, { locale: 'en-GB' });
    h.user(ADMIN, { locale: 'nb-NO', is_admin: true });
    await seedFollowUp(h, SENIOR, LEADER);
    await seedFollowUp(h, SENIOR, LEADER2);
    await seedFollowUp(h, OTHER_SENIOR, OTHER_LEADER);
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  it('shows the question bank in both languages with the guide\'s exact questions; "Add to next one-to-one" pre-selects it in the next conversation modal', async () => {
    const en = await commandReply(h, SENIOR, 'questions');
    const enText = visibleText(en.blocks);
    expect(enText).toContain('Question bank');
    expect(enText).toContain('How can I support you in the process from here?');
    expect(enText).toContain('Which small win since last time deserves to be celebrated?');
    expect(enText).not.toContain('Add a question');
    const nb = await commandReply(h, LEADER, 'spørsmål');
    const nbText = visibleText(nb.blocks);
    expect(nbText).toContain('Spørsmålsbank');
    expect(nbText).toContain('Hvordan jobber du for å skape et godt medarbeiderskap?');
    expect(nbText).toContain('Er det fagressurser, f.eks. HR/HMS/BHT, eller kurs og coaching som kan være nyttige for utviklingsarbeidet?');
    expect(nbText).toContain('Legg til neste 1:1');
    // The leader picks guide question 8 and step prompt 5a.
    for (const key of ['g8', 's5a']) {
      const n = h.slack.responses.length;
      await h.action(LEADER, { action_id: `${QuestionIds.addToNextButton}_3`, value: key, type: 'button' }, { response_url: h.newResponseUrl() });
      expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Lagt til neste 1:1-samtale');
    }
    // A forged key is refused clearly.
    const n = h.slack.responses.length;
    await h.action(LEADER, { action_id: QuestionIds.addToNextButton, value: 'q-doesnotexist0000', type: 'button' }, { response_url: h.newResponseUrl() });
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Dette finnes ikke lenger');

    const view = await openModal(h, SENIOR, `conversation <@${LEADER}>`);
    const q = checkboxOptions(view, ConversationIds.questionsBlock);
    expect(q.options.length).toBeLessThanOrEqual(10);
    expect(q.initial.map((o) => o.value).sort()).toEqual(['g8', 's5a']);
    expect(visibleText(view)).toContain('Agenda: questions');
  });

  it('logs a one-to-one in English with agreed actions owned by the leader, tells the leader in bokmål, reports the change, and stores nothing twice', async () => {
    const events = recordEvents(h);
    const view = await openModal(h, SENIOR, `1:1 <@${LEADER}>`);
    const followUp = (await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, leader: { slackUserId: LEADER } } }));
    const today = isoDayIn('America/New_York', 0);
    const values = conversationValues({
      date: today,
      questions: ['g8', 's5a'],
      notes: MIXED,
      agreed: [['Book a meeting with HR', isoDayIn('America/New_York', 7)], ['Ærlig 👍 مرحبا', null], [null, null]],
    });
    const viewId = randomId('V');
    expect(await submit(h, SENIOR, view, values, { viewId })).toEqual({});
    expect(await submit(h, SENIOR, view, values, { viewId })).toEqual({});
    const conversations = await h.prisma.conversation.findMany({ where: { followUpId: followUp.id }, include: { actions: true } });
    expect(conversations).toHaveLength(1);
    const [c] = conversations;
    expect(c.notes).toBe(MIXED);
    expect((c.agenda as { questionKey: string; text: string }[]).map((a) => a.questionKey)).toEqual(['g8', 's5a']);
    expect((c.agenda as { text: string }[])[0].text).toBe('How can I support you in the process from here?');
    const leader = await actorOf(h, LEADER);
    const senior = await actorOf(h, SENIOR);
    expect(c.actions.map((a) => [a.what, a.ownerId, a.createdById])).toEqual([
      ['Book a meeting with HR', leader.person.id, senior.person.id],
      ['Ærlig 👍 مرحبا', leader.person.id, senior.person.id],
    ]);
    await h.slack.waitFor(() => dmsTo(h, LEADER).some((d) => visibleText(d.args.blocks).includes(`<@${SENIOR}> registrerte 1:1-samtalen deres`)));
    await h.slack.waitFor(() => dmsTo(h, SENIOR).some((d) => visibleText(d.args.blocks).includes('with 2 agreed actions added to the plan')));
    await eventually(() => events.calls.some((e) => e[0] === 'subjectChanged' && e[1] === 'conversation' && e[2] === followUp.id));
    // Each agreed action is planned; the retried submission changed nothing, so the conversation was reported once.
    for (const a of c.actions) await eventually(() => events.calls.some((e) => e[0] === 'subjectChanged' && e[1] === 'action' && e[2] === a.id), `action ${a.what}`);
    expect(events.calls.filter((e) => e[0] === 'subjectChanged' && e[1] === 'conversation' && e[2] === followUp.id)).toHaveLength(1);
    // After the conversation the picks are used up; the open actions are offered as agenda next time.
    const next = await openModal(h, LEADER, 'samtale');
    expect(checkboxOptions(next, ConversationIds.questionsBlock).initial).toEqual([]);
    expect(checkboxOptions(next, ConversationIds.openActionsBlock).options.map((o) => o.value).sort()).toEqual(c.actions.map((a) => a.id).sort());
    expect(visibleText(next)).toContain('Agenda: åpne tiltak');
  });

  it('asks which follow-up when a senior leader has several, by button', async () => {
    const reply = await commandReply(h, SENIOR, 'conversation');
    expect(visibleText(reply.blocks)).toContain('Which one-to-one do you want to record?');
    const buttons = (reply.blocks as { accessory?: { action_id: string; value: string } }[]).filter((b) => b.accessory).map((b) => b.accessory!);
    expect(buttons).toHaveLength(2);
    const n = h.slack.callsOf('views.open').length;
    await h.action(SENIOR, { action_id: buttons[1].action_id, value: buttons[1].value, type: 'button' }, { response_url: h.newResponseUrl() });
    const view = (await h.slack.waitForCall('views.open', n + 1)).args.view;
    expect(visibleText(view)).toMatch(/One-to-one between <@UCVSEN01> and <@UCVLEAD[12]>/);
  });

  it('bad input: a future date, a due date in the past, 3,000+ character notes, nothing at all — errors on the right fields in both languages', async () => {
    const view = await openModal(h, SENIOR, `conversation <@${LEADER}>`);
    let errors = await submit(h, SENIOR, view, conversationValues({ date: isoDayIn('America/New_York', 2), notes: LONG_TEXT, agreed: [['x', isoDayIn('America/New_York', -2)], [null, isoDayIn('America/New_York', 3)], [null, null]] }));
    expect(errors[ConversationIds.notesBlock]).toMatch(/under 3000 characters/);
    errors = await submit(h, SENIOR, view, conversationValues({ date: isoDayIn('America/New_York', 2), notes: 'ok', agreed: [['x', isoDayIn('America/New_York', -2)], [null, isoDayIn('America/New_York', 3)], [null, null]] }));
    expect(errors[ConversationIds.dateBlock]).toBe('The conversation cannot be in the future. Choose today or an earlier date.');
    expect(errors[ConversationIds.actionDueBlock(1)]).toBe('Please choose today or a later date.');
    expect(errors[ConversationIds.actionBlock(2)]).toBe('Describe this action, or remove its due date.');
    const nbView = await openModal(h, LEADER, 'samtale');
    errors = await submit(h, LEADER, nbView, conversationValues({ date: isoDayIn('Europe/Oslo', 0) }));
    expect(errors[ConversationIds.notesBlock]).toBe('Skriv et notat, kryss av et punkt på agendaen eller legg til et avtalt tiltak.');
    errors = await submit(h, LEADER, nbView, conversationValues({ date: null }));
    expect(errors[ConversationIds.dateBlock]).toBe('Fyll ut dette feltet.');
  });

  it('privacy: another leader, another senior leader, an admin and a stranger cannot log into, or read, someone else\'s conversations (forged private_metadata)', async () => {
    const followUp = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, leader: { slackUserId: LEADER } } });
    const before = await h.prisma.conversation.count({ where: { followUpId: followUp.id } });
    const [existing] = await h.prisma.conversation.findMany({ where: { followUpId: followUp.id } });
    const own = await openModal(h, OTHER_SENIOR, 'conversation');
    const forged = { ...own, private_metadata: JSON.stringify({ followUpId: followUp.id }) };
    for (const intruder of [OTHER_LEADER, OTHER_SENIOR, ADMIN, 'UCVSTRA1']) {
      if (intruder === 'UCVSTRA1') h.user(intruder, { locale: 'en-GB' });
      const errors = await submit(h, intruder, forged, conversationValues({ date: isoDayIn('Europe/Oslo', -1), notes: 'sneaky' }));
      expect(Object.values(errors).join(' ')).toMatch(/You do not have access to this|Du har ikke tilgang til dette/);
      const actor = await actorOf(h, intruder);
      await expect(h.app.services.conversations.get(actor, existing.id)).rejects.toThrow(/not allowed/);
      await expect(h.app.services.conversations.list(actor, followUp.id)).rejects.toThrow(/not allowed/);
    }
    expect(await h.prisma.conversation.count({ where: { followUpId: followUp.id } })).toBe(before);
    // A forged open action id of another follow-up is refused too.
    const otherFollowUp = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, leader: { slackUserId: OTHER_LEADER } } });
    const foreign = await h.prisma.actionItem.create({ data: { followUpId: otherFollowUp.id, what: 'not yours', ownerId: otherFollowUp.leaderId, createdById: otherFollowUp.seniorId } });
    const view = await openModal(h, SENIOR, `conversation <@${LEADER}>`);
    const errors = await submit(h, SENIOR, view, { ...conversationValues({ date: isoDayIn('America/New_York', 0), notes: 'x' }), [ConversationIds.openActionsBlock]: { [ConversationIds.openActionsInput]: checks([foreign.id]) } });
    expect(errors[ConversationIds.openActionsBlock]).toBe('Please choose one of the options.');
  });

  it('a workspace admin adds a question (nb only) which then appears for nb readers only; a non-admin gets a clear refusal', async () => {
    const refusal = await commandReply(h, SENIOR, 'questions add');
    expect(visibleText(refusal.blocks)).toContain('Only workspace admins can add questions');
    const nbRefusal = await commandReply(h, LEADER, 'spørsmål legg til');
    expect(visibleText(nbRefusal.blocks)).toContain('Bare administratorer av arbeidsområdet');
    const bank = await commandReply(h, ADMIN, 'questions');
    expect(visibleText(bank.blocks)).toContain('Legg til et spørsmål');
    const view = await openModal(h, ADMIN, 'questions add');
    const values = (t: string | null) => ({
      [QuestionIds.textBlock]: { [QuestionIds.textInput]: text(t) },
      [QuestionIds.stepBlock]: { [QuestionIds.stepInput]: select('7') },
      [QuestionIds.languageBlock]: { [QuestionIds.languageInput]: radio('nb') },
    });
    expect((await submit(h, ADMIN, view, values(null)))[QuestionIds.textBlock]).toBe('Fyll ut dette feltet.');
    expect(await submit(h, ADMIN, view, values('Hva har du turt å prøve denne uken? 👍'))).toEqual({});
    // A non-admin submitting the same modal (forged) is refused and nothing is stored.
    expect((await submit(h, SENIOR, view, values('Sneaky question')))[QuestionIds.textBlock]).toBe('You do not have access to this.');
    expect(await h.prisma.question.count({ where: { workspaceId: h.teamId } })).toBe(1);
    expect(visibleText((await commandReply(h, LEADER, 'spørsmål')).blocks)).toContain('Hva har du turt å prøve denne uken? 👍');
    expect(visibleText((await commandReply(h, SENIOR, 'questions')).blocks)).not.toContain('Hva har du turt å prøve');
  });

  it('forged button values (another follow-up\'s goal, milestone or follow-up id) get a clear refusal from every button, and open nothing', async () => {
    const goal = await seedGoal(h, SENIOR, LEADER, { title: 'Button target', milestones: ['Hidden step'] });
    const followUp = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, leader: { slackUserId: LEADER } } });
    const opened = h.slack.callsOf('views.open').length;
    const clicks: [string, string][] = [
      [`${CheckInIds.logButton}_1`, goal.id],
      [`${GoalEditIds.editButton}_2`, goal.id],
      [MilestoneIds.doneButton, goal.milestones[0].id],
      [`${ConversationIds.pickButton}_1`, followUp.id],
      [ReflectIds.openButton, followUp.id],
    ];
    for (const [action_id, value] of clicks) {
      const n = h.slack.responses.length;
      await h.action(OTHER_SENIOR, { action_id, value, type: 'button' }, { response_url: h.newResponseUrl() });
      expect([action_id, visibleText((await h.slack.waitForResponse(n + 1)).blocks)]).toEqual([action_id, 'You do not have access to this.']);
    }
    expect(h.slack.callsOf('views.open').length).toBe(opened);
    expect((await h.prisma.milestone.findUniqueOrThrow({ where: { id: goal.milestones[0].id } })).doneAt).toBeNull();
  });
});
