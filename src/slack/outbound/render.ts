import type { KnownBlock } from '@slack/types';
import { kindLabel } from '../../domain/reminders/kinds';
import { messageDates, type OutboundBody, type OutboundMessage } from '../../domain/reminders/messages';
import type { DateFormatter } from '../../i18n/dates';
import { formatNumber, translator, type Locale, type MessageKey, type Translate } from '../../i18n';
import { button, channelMention, context, esc, header, progressText, section, truncate, userMention } from '../blocks';
import type { Message } from '../blocks';
import { ReminderIds } from './ids';


const PROMPTS = 5;
const MAX_GOALS = 10;
const MAX_DIGEST_LEADERS = 40;
const DIGEST_GOALS = 3;
const DIGEST_TEXT_BUDGET = 11_000;

function goalsList(tr: Translate, goals: { title: string; progress: number | null }[], titleMax = 150): string {
  if (goals.length === 0) return tr('reminders.eval_no_goals');
  const lines = goals.slice(0, MAX_GOALS).map((g) => `• *${esc(truncate(g.title, titleMax))}* — ${progressText(g.progress, (percent) => tr('common.progress', { percent }), tr('reminders.progress_none'))}`);
  return lines.join('\n');
}

/** How the reader reads a Reminder's or Delivery's kind (domain kinds.ts), else its name. */
export function kindName(tr: Translate, kind: string): string {
  const key = kindLabel(kind);
  return key ? tr(key) : kind;
}

function num(locale: Locale, v: number | null): string {
  return v === null ? '—' : formatNumber(locale, v);
}

/** Renders a workflow message in the reader's language; dates as the reader reads them (messageDates). */
export function renderOutbound(message: OutboundMessage): Message {
  const tr = translator(message.locale);
  const body: OutboundBody = message.body;
  const dates = messageDates(message);
  switch (body.type) {
    case 'evaluation': {
      const date = dates.day(body.evaluationOn);
      const key: MessageKey =
        body.phase === 'day'
          ? body.asSenior ? 'reminders.eval_day_senior' : 'reminders.eval_day_leader'
          : body.asSenior ? 'reminders.eval_before_senior' : 'reminders.eval_before_leader';
      const text = tr(key, { leader: userMention(body.otherUserId), senior: userMention(body.otherUserId), date });
      const blocks: KnownBlock[] = [
        section(text),
        section(`${tr('reminders.eval_goals')}\n${goalsList(tr, body.goals)}`),
        section(`${tr('reminders.eval_questions')}\n• ${tr('reminders.eval_question_1')}\n• ${tr('reminders.eval_question_2')}\n• ${tr('reminders.eval_question_3')}`),
      ];
      if (body.asSenior) blocks.push({ type: 'actions', elements: [button(tr('reminders.button_evaluate'), ReminderIds.recordEvaluation, body.leaderUserId, 'primary')] });
      return { text, blocks };
    }
    case 'nudge': {
      const text = tr('reminders.nudge', { leader: userMention(body.leaderUserId), days: body.days, since: dates.day(body.since) });
      return { text, blocks: [section(text), { type: 'actions', elements: [button(tr('reminders.button_conversation'), ReminderIds.logConversation, body.leaderUserId, 'primary')] }] };
    }
    case 'reflection': {
      const prompt = tr(`reminders.reflection_prompt_${body.promptIndex % PROMPTS}` as MessageKey);
      const text = tr('reminders.reflection', { prompt });
      return {
        text,
        blocks: [
          section(text),
          context(tr('reminders.reflection_private', { senior: userMention(body.seniorUserId) })),
          { type: 'actions', elements: [button(tr('reminders.button_reflect'), ReminderIds.writeReflection, body.leaderUserId, 'primary')] },
        ],
      };
    }
    case 'action':
      return actionMessage(tr, body, dates, 'open');
    case 'digest': {
      const title = tr('reminders.digest_title', { week: dates.week(body.weekOf) });
      const blocks: KnownBlock[] = [header(title)];
      // Slack refuses a message whose blocks hold more than ~13k characters: keep a budget.
      let budget = DIGEST_TEXT_BUDGET;
      let shown = 0;
      for (const l of body.leaders.slice(0, MAX_DIGEST_LEADERS)) {
        const line = tr('reminders.digest_leader', {
          leader: userMention(l.userId),
          checkins: l.checkIns,
          conversations: l.conversations,
          barriers: l.openBarriers,
          overdue: l.overdueActions,
        });
        const text = truncate(`${line}\n${l.goals.length > 0 ? goalsList(tr, l.goals.slice(0, DIGEST_GOALS), 80) : tr('reminders.digest_no_goals')}`, 1500);
        if (text.length > budget) break;
        budget -= text.length;
        blocks.push(section(text));
        shown++;
      }
      if (body.leaders.length > shown) blocks.push(context(tr('reminders.digest_more', { count: body.leaders.length - shown })));
      return { text: title, blocks };
    }
    case 'celebration': {
      const leader = userMention(body.leaderUserId);
      const goal = esc(truncate(body.goalTitle, 200));
      const steps: string[] = [];
      if (body.baseline !== null && body.target !== null) {
        steps.push(
          tr('reminders.journey_metric', {
            unit: body.unit ? `${esc(truncate(body.unit, 30))} ` : '',
            baseline: num(message.locale, body.baseline),
            current: num(message.locale, body.current ?? (body.what === 'goal' ? body.target : null)),
            target: num(message.locale, body.target),
          }),
        );
      }
      if (body.milestonesTotal > 0) steps.push(tr('reminders.journey_milestones', { done: body.milestonesDone, total: body.milestonesTotal }));
      const journey = tr('reminders.journey', { start: dates.day(body.startedOn), steps: steps.join(' · ') || '—' });
      if (body.what === 'goal') {
        const text = tr('reminders.celebration_goal', { leader, goal });
        return {
          text,
          blocks: [header(tr('reminders.celebration_goal_title')), section(text), section(journey), context(tr('reminders.invite_react'))],
        };
      }
      const text = tr('reminders.celebration_milestone', { leader, milestone: esc(truncate(body.milestoneTitle ?? '', 200)), goal });
      return { text, blocks: [section(text), context(`${journey}\n${tr('reminders.invite_react')}`)] };
    }
    case 'notice': {
      const what = kindName(tr, body.failedKind);
      let text: string;
      if (body.channelId && body.reason === 'not_in_channel') text = tr('reminders.notice_channel_private', { what, channel: channelMention(body.channelId) });
      else if (body.channelId) text = tr('reminders.notice_channel', { what, channel: channelMention(body.channelId), reason: body.reason });
      else text = tr('reminders.notice_person', { what, person: body.recipientUserId ? userMention(body.recipientUserId) : '—', reason: body.reason });
      return { text, blocks: [section(text)] };
    }
  }
}

/** An action item reminder, or its state after a button was pressed. */
export function actionMessage(
  tr: Translate,
  body: { actionId: string; what: string; dueDay: string; overdue: boolean; barrier: string | null },
  dates: DateFormatter,
  state: 'open' | 'done' | 'reopened' | 'snoozed',
  snoozedTo?: string,
): Message {
  const what = esc(truncate(body.what, 500));
  const date = dates.day(body.dueDay);
  let text: string;
  if (state === 'done') text = tr('reminders.action_marked_done', { what });
  else if (state === 'snoozed') text = tr('reminders.action_snoozed', { what, date: dates.day(snoozedTo ?? body.dueDay) });
  else if (state === 'reopened') text = tr('reminders.action_marked_open', { what });
  else text = tr(body.overdue ? 'reminders.action_overdue' : 'reminders.action_due', { what, date });
  const blocks: KnownBlock[] = [section(text)];
  if (body.barrier && state === 'open') blocks.push(context(tr('reminders.action_barrier', { barrier: esc(truncate(body.barrier, 300)) })));
  if (state === 'done') blocks.push({ type: 'actions', elements: [button(tr('reminders.button_undone'), ReminderIds.actionUndone, body.actionId)] });
  else
    blocks.push({
      type: 'actions',
      elements: [button(tr('reminders.button_done'), ReminderIds.actionDone, body.actionId, 'primary'), button(tr('reminders.button_snooze'), ReminderIds.actionSnooze, body.actionId)],
    });
  return { text, blocks };
}
