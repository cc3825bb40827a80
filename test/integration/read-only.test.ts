import { BarrierLinkIds } from '../../src/slack/features/barrier/links';
import { BarrierIds } from '../../src/slack/features/barrier/views';
import { barrierForm } from '../../src/slack/features/barrier/fields';
import { CheckInIds } from '../../src/slack/features/checkin/views';
import { checkInForm } from '../../src/slack/features/checkin/fields';
import { conversationForm } from '../../src/slack/features/conversation/fields';
import { developForm, DevelopIds } from '../../src/slack/features/develop/fields';
import { evaluateForm } from '../../src/slack/features/evaluate/fields';
import { feedbackForm } from '../../src/slack/features/feedback/fields';
import { goalEditForm } from '../../src/slack/features/goal/fields';
import { learnForm } from '../../src/slack/features/learn/fields';
import { planForm } from '../../src/slack/features/plan/fields';
import { reflectForm } from '../../src/slack/features/reflect/fields';
import { ReminderIds } from '../../src/slack/outbound/ids';
import { GoalEditIds, MilestoneIds } from '../../src/slack/ids';
import { translator, type MessageKey } from '../../src/i18n';
import { dayToDate } from '../../src/time/dates';
import { goalValues } from '../support/flows';
import { Harness, randomId } from '../support/harness';
import { followUp, seedGoal, settle } from '../support/seed';
import { checks, date, isoDayIn, radio, select, text, user } from '../support/steps';

/**
 * Pending and ended follow-ups are read-only on every write path (issue 18 §2), table-driven.
 *
 * Each row is one write use case as Slack reaches it: a modal opened while the follow-up was active
 * and submitted after it ended (or after it went back to pending: an ended pair set up again), or a
 * button in a message sent while it was active. Every row runs against a pending and an ended
 * follow-up, for a bokmål and an English pair. Each attempt is refused with the localised message,
 * and nothing changed: not in the database (every record of the follow-up, compared before and
 * after) and not in Slack (nothing posted but the refusal itself).
 */
type Who = 'senior' | 'leader';
interface World {
  h: Harness;
  lang: 'en' | 'nb';
  senior: string;
  leader: string;
  followUpId: string;
  goalId: string;
  milestoneId: string;
  barrierId: string;
  actionId: string;
  linkedActionId: string;
  activityId: string;
}
type Values = Record<string, Record<string, unknown>>;
interface ModalRow {
  name: string;
  by: Who;
  /** How the modal is opened while the follow-up is active: a command's text, or a button. */
  open: (w: World) => string | Record<string, unknown>;
  values: (w: World) => Values;
}
interface ButtonRow {
  name: string;
  by: Who;
  action: (w: World) => Record<string, unknown>;
  /** Clicked inside a modal (Slack sends no response_url): the refusal comes by DM. */
  inModal?: boolean;
}
type Row = ModalRow | ButtonRow;

const field = <F extends Record<string, { block: string; action: string }>>(ids: F, name: keyof F, element: Record<string, unknown>): Values => ({
  [ids[name].block]: { [ids[name].action]: element },
});
const tomorrow = () => isoDayIn('Europe/Oslo', 1);
const today = () => isoDayIn('Europe/Oslo', 0);

const ROWS: Row[] = [
  { name: 'goal: create', by: 'senior', open: (w) => `goal <@${w.leader}>`, values: (w) => goalValues({ leader: w.leader, title: 'A goal written too late' }) },
  {
    name: 'goal: edit',
    by: 'senior',
    open: (w) => ({ action_id: GoalEditIds.editButton, type: 'button', value: w.goalId }),
    values: () => ({ ...field(goalEditForm.ids, 'target', text('12')), ...field(goalEditForm.ids, 'reason', text('moved after the end')) }),
  },
  { name: 'goal: mark achieved', by: 'leader', action: (w) => ({ action_id: GoalEditIds.markAchievedButton, type: 'button', value: w.goalId }) },
  { name: 'milestone: mark done', by: 'leader', action: (w) => ({ action_id: MilestoneIds.doneButton, type: 'button', value: w.milestoneId }) },
  {
    name: 'check-in',
    by: 'leader',
    open: (w) => ({ action_id: CheckInIds.logButton, type: 'button', value: w.goalId }),
    values: (w) => ({ ...field(checkInForm.ids, 'goal', select(w.goalId)), ...field(checkInForm.ids, 'value', text('5')), ...field(checkInForm.ids, 'confidence', radio('4')), ...field(checkInForm.ids, 'note', text('late')) }),
  },
  {
    name: 'evaluation',
    by: 'senior',
    open: (w) => `evaluate <@${w.leader}>`,
    values: () => ({ ...field(evaluateForm.ids, 'assessment0', radio('ACHIEVED')), ...field(evaluateForm.ids, 'next', date(tomorrow())), ...field(evaluateForm.ids, 'summary', text('late summary')) }),
  },
  {
    name: 'one-to-one',
    by: 'senior',
    open: (w) => `conversation <@${w.leader}>`,
    values: () => ({ ...field(conversationForm.ids, 'heldOn', date(today())), ...field(conversationForm.ids, 'notes', text('late notes')), ...field(conversationForm.ids, 'questions', checks([])) }),
  },
  {
    name: 'feedback',
    by: 'senior',
    open: (w) => `feedback <@${w.leader}>`,
    values: (w) => ({
      ...field(feedbackForm.ids, 'receiverUserId', user(w.leader)),
      ...field(feedbackForm.ids, 'works', text('works')),
      ...field(feedbackForm.ids, 'improve', text('improve')),
      ...field(feedbackForm.ids, 'advice', text('advice')),
    }),
  },
  { name: 'reflection', by: 'leader', open: () => 'reflect', values: () => field(reflectForm.ids, 'answer1', text('a late reflection')) },
  {
    name: 'development activity: add',
    by: 'senior',
    open: (w) => `develop <@${w.leader}>`,
    values: (w) => ({ ...field(developForm.ids, 'leaderUserId', user(w.leader)), ...field(developForm.ids, 'kind', select('COURSE')), ...field(developForm.ids, 'title', text('late course')), ...field(developForm.ids, 'status', select('PLANNED')) }),
  },
  { name: 'development activity: status', by: 'senior', action: (w) => ({ action_id: DevelopIds.statusButton, type: 'button', value: `${w.activityId}.IN_PROGRESS` }) },
  {
    name: 'barrier: register',
    by: 'senior',
    open: (w) => `barrier <@${w.leader}>`,
    values: (w) => ({ ...field(barrierForm.ids, 'leaderUserId', user(w.leader)), ...field(barrierForm.ids, 'kind', radio('RESOURCE')), ...field(barrierForm.ids, 'description', text('late barrier')), ...field(barrierForm.ids, 'status', radio('OPEN')) }),
  },
  { name: 'barrier: status', by: 'leader', action: (w) => ({ action_id: BarrierIds.statusMenu(0), type: 'overflow', selected_option: { value: `IN_PROGRESS|${w.barrierId}` } }) },
  { name: 'barrier: link an action', by: 'senior', inModal: true, action: (w) => ({ action_id: BarrierLinkIds.linkSelect, type: 'static_select', selected_option: { value: `${w.barrierId}|${w.actionId}` } }) },
  { name: 'barrier: remove a link', by: 'senior', inModal: true, action: (w) => ({ action_id: BarrierLinkIds.unlink(0), type: 'button', value: `${w.barrierId}|${w.linkedActionId}` }) },
  {
    name: 'plan: add an action',
    by: 'senior',
    open: (w) => `plan <@${w.leader}>`,
    values: (w) => ({ ...field(planForm.ids, 'leaderUserId', user(w.leader)), ...field(planForm.ids, 'what', text('late action')), ...field(planForm.ids, 'owner', radio('leader')), ...field(planForm.ids, 'dueDate', date(tomorrow())) }),
  },
  { name: 'plan: mark done', by: 'leader', action: (w) => ({ action_id: ReminderIds.actionDone, type: 'button', value: w.actionId }) },
  { name: 'plan: snooze', by: 'leader', action: (w) => ({ action_id: ReminderIds.actionSnooze, type: 'button', value: w.actionId }) },
  {
    name: 'learning',
    by: 'leader',
    open: () => 'learn',
    values: () => ({ ...field(learnForm.ids, 'what', text('late learning')), ...field(learnForm.ids, 'learned', text('late')) }),
  },
];

/** Everything recorded in (or about) the follow-up, to compare before and after an attempt. */
async function fingerprint(w: World): Promise<string> {
  const p = w.h.prisma;
  const where = { followUpId: w.followUpId };
  const goals = await p.goal.findMany({ where, include: { milestones: true, revisions: true, checkIns: true }, orderBy: { id: 'asc' } });
  const [followUpRow, evaluations, conversations, barriers, actions, learnings, reflections, development, feedback] = await Promise.all([
    p.followUp.findUniqueOrThrow({ where: { id: w.followUpId } }),
    p.evaluation.findMany({ where, include: { items: true } }),
    p.conversation.findMany({ where }),
    p.barrier.findMany({ where, orderBy: { id: 'asc' } }),
    p.actionItem.findMany({ where, orderBy: { id: 'asc' } }),
    p.learning.findMany({ where }),
    p.reflection.findMany({ where }),
    p.developmentActivity.findMany({ where }),
    p.feedback.findMany({ where: { workspaceId: w.h.teamId } }),
  ]);
  return JSON.stringify({ followUpRow, goals, evaluations, conversations, barriers, actions, learnings, reflections, development, feedback });
}

async function setStatus(w: World, status: 'ACTIVE' | 'PENDING' | 'ENDED'): Promise<void> {
  const now = new Date();
  await w.h.prisma.followUp.update({
    where: { id: w.followUpId },
    data: status === 'ACTIVE' ? { status, endedAt: null, endedReason: null } : status === 'ENDED' ? { status, endedAt: now, endedReason: 'ended' } : { status, invitedAt: now, endedAt: null, endedReason: null },
  });
}

/** Opens a row's modal as Slack would show it (the last view opened or updated). */
async function openView(w: World, who: string, open: string | Record<string, unknown>): Promise<Record<string, unknown>> {
  const { h } = w;
  const opens = h.slack.callsOf('views.open').length;
  const res = typeof open === 'string' ? await h.command(who, open) : await h.action(who, open);
  expect(res.status).toBe(200);
  const opened = await h.slack.waitForCall('views.open', opens + 1);
  await settle(h, 150);
  const updates = h.slack.callsOf('views.update').filter((c) => c.at >= opened.at);
  const last = updates.length > 0 ? updates[updates.length - 1] : opened;
  return { ...(last.args.view as Record<string, unknown>), id: randomId('V') };
}

describe('pending and ended follow-ups are read-only on every write path', () => {
  let h: Harness;
  const worlds: Record<'en' | 'nb', World> = {} as Record<'en' | 'nb', World>;

  beforeAll(async () => {
    h = await Harness.start();
    for (const [lang, locale, n] of [['en', 'en-GB', 1], ['nb', 'nb-NO', 2]] as const) {
      const senior = h.user(`UROSEN0${n}`, { locale });
      const leader = h.user(`UROLEA0${n}`, { locale });
      const f = await followUp(h, senior, leader, { channel: `C0ROTEAM${n}`, nextEvaluationOn: tomorrow() });
      await h.prisma.followUp.update({ where: { id: f.id }, data: { status: 'ACTIVE' } });
      const goal = await seedGoal(h, senior, leader, { milestones: ['First step'] });
      const barrier = await h.prisma.barrier.create({ data: { followUpId: f.id, kind: 'PERSONAL', description: 'in the way', createdById: f.leaderId } });
      const action = await h.prisma.actionItem.create({ data: { followUpId: f.id, what: 'open action', ownerId: f.leaderId, dueDate: dayToDate(tomorrow()), createdById: f.seniorId } });
      const linked = await h.prisma.actionItem.create({ data: { followUpId: f.id, what: 'linked action', ownerId: f.leaderId, dueDate: dayToDate(tomorrow()), createdById: f.seniorId, barrierId: barrier.id } });
      const activity = await h.prisma.developmentActivity.create({ data: { followUpId: f.id, kind: 'COACHING', title: 'coaching', createdById: f.seniorId } });
      worlds[lang] = { h, lang, senior, leader, followUpId: f.id, goalId: goal.id, milestoneId: goal.milestones[0].id, barrierId: barrier.id, actionId: action.id, linkedActionId: linked.id, activityId: activity.id };
    }
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  const cases = ROWS.flatMap((row) => (['PENDING', 'ENDED'] as const).flatMap((status) => (['nb', 'en'] as const).map((lang) => ({ name: row.name, status, lang }))));
  it.each(cases)('$name: refused when the follow-up is $status ($lang), nothing changed', async ({ name, status, lang }) => {
    const row = ROWS.find((r) => r.name === name)!;
    const w = worlds[lang];
    const who = row.by === 'senior' ? w.senior : w.leader;
    const expected = translator(lang)((status === 'PENDING' ? 'followup.error_pending' : 'followup.error_ended') as MessageKey);

    await setStatus(w, 'ACTIVE');
    const view = 'open' in row ? await openView(w, who, row.open(w)) : null;
    await setStatus(w, status);
    await settle(h, 100);
    const before = await fingerprint(w);
    const calls = h.slack.calls.length;
    const responses = h.slack.responses.length;

    let refusal: string;
    if ('open' in row) {
      const res = await h.submitView(who, view!, row.values(w));
      expect(res.status).toBe(200);
      const body = res.json<{ response_action?: string; errors?: Record<string, string> }>();
      expect(body.response_action).toBe('errors');
      refusal = Object.values(body.errors ?? {}).join('\n');
    } else if (row.inModal) {
      await h.action(who, row.action(w), { view: { id: randomId('V'), type: 'modal', callback_id: BarrierLinkIds.view } });
      const dm = await h.slack.waitForCall('chat.postMessage', h.slack.callsOf('chat.postMessage').length + 1);
      expect(dm.args.channel).toBe(who);
      refusal = String(dm.args.text);
    } else {
      await h.action(who, row.action(w), { response_url: h.newResponseUrl() });
      refusal = String((await h.slack.waitForResponse(responses + 1)).text);
    }
    expect(refusal).toBe(expected);

    await settle(h, 150);
    expect(await fingerprint(w)).toBe(before);
    // Nothing posted, updated or uploaded anywhere, but the refusal itself (a DM for a click inside a modal).
    const posted = h.slack.calls.slice(calls).filter((c) => !['users.info', 'conversations.open'].includes(c.method));
    const allowed = row.hasOwnProperty('inModal') ? 1 : 0;
    expect(posted.map((c) => `${c.method} ${String(c.args.channel ?? c.args.user_id ?? '')}`)).toEqual(allowed ? [`chat.postMessage ${who}`] : []);
    expect(h.slack.responses.length - responses).toBe('open' in row || allowed ? 0 : 1);
  });
});
