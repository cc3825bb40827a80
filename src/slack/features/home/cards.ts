import type { KnownBlock } from '@slack/types';
import { BARRIER_STATUSES } from '../../../domain/vocabulary';
import type { HomeAction, HomeBarrier, HomeCard, HomeGoal } from '../../../domain/home';
import type { Translate } from '../../../i18n';
import type { DateFormatter } from '../../../i18n/dates';
import { BarrierIds } from '../barrier/views';
import { HistoryIds } from '../../ids';
import { channelMention, esc, option, progressBar, truncate, userMention } from '../../blocks';

/** Pieces of a follow-up card shared by App Home and `/followup status`. */
export const GOALS_PER_CARD = 5;

export function goalLine(tr: Translate, goal: HomeGoal, dates: DateFormatter): string {
  const progress =
    goal.progress === null ? tr('home.goal_no_metric') : tr('common.progress', { percent: Math.round(goal.progress * 100) });
  const bar = progressBar(goal.progress ?? 0);
  let line = tr('home.goal_line', { bar, title: esc(truncate(goal.title, 150)), kind: tr(`goal.kind.${goal.kind}`), progress });
  if (goal.status !== 'ACTIVE') line += ` · _${tr(`goal.status.${goal.status}`)}_`;
  if (goal.targetDate) line += ` · ${tr('goal.target_by', { date: dates.day(goal.targetDate) })}`;
  return line;
}

export function milestoneLines(tr: Translate, goal: HomeGoal, dates: DateFormatter): string[] {
  return goal.milestones.map((m) =>
    m.done
      ? tr('home.milestone_done', { title: esc(truncate(m.title, 150)) })
      : tr('home.milestone_open', { title: esc(truncate(m.title, 150)), due: m.dueDate ? dates.day(m.dueDate) : tr('common.no_date') }),
  );
}

export function goalsText(tr: Translate, goals: HomeGoal[], dates: DateFormatter, withMilestones: boolean): string {
  if (goals.length === 0) return tr('home.no_goals');
  const shown = goals.slice(0, GOALS_PER_CARD);
  const lines: string[] = [];
  for (const goal of shown) {
    lines.push(goalLine(tr, goal, dates));
    if (withMilestones) lines.push(...milestoneLines(tr, goal, dates).slice(0, 5).map((l) => `      ${l}`));
  }
  if (goals.length > shown.length) lines.push(tr('home.more_goals', { count: goals.length - shown.length }));
  return lines.join('\n');
}

export function cardTitle(tr: Translate, card: HomeCard): string {
  return card.teamChannelId
    ? tr('home.leader_card', { leader: userMention(card.leaderUserId), channel: channelMention(card.teamChannelId) })
    : tr('home.leader_card_no_channel', { leader: userMention(card.leaderUserId) });
}

/** Last one-to-one, next evaluation, open barriers, overdue actions: one line each. */
export function factLines(tr: Translate, card: HomeCard, dates: DateFormatter): string[] {
  const lines: string[] = [];
  const last = card.lastConversationOn ? tr('home.last_one_to_one', { date: dates.day(card.lastConversationOn) }) : tr('home.no_one_to_one');
  lines.push(card.oneToOneOverdue ? `${last} · ${tr('home.overdue')}` : last);
  lines.push(card.nextEvaluationOn ? tr('home.next_evaluation', { date: dates.day(card.nextEvaluationOn) }) : tr('home.no_next_evaluation'));
  if (card.openBarriers.length > 0) {
    const names = card.openBarriers.slice(0, 2).map((b) => `“${esc(truncate(b.description, 60))}”`).join(', ');
    lines.push(tr('home.open_barriers', { count: card.openBarriers.length, names }));
  }
  if (card.overdueActions > 0) lines.push(tr('home.overdue_actions', { count: card.overdueActions }));
  return lines;
}

export function barrierLine(tr: Translate, b: Pick<HomeBarrier, 'kind' | 'status' | 'description'>): string {
  return tr('barrier.line', { kind: tr(`barrier.kind.${b.kind}`), status: tr(`barrier.status.${b.status}`), description: esc(truncate(b.description, 300)) });
}

/** A barrier with a menu to change its status (the two other statuses). */
export function barrierBlock(tr: Translate, b: HomeBarrier, n: number): KnownBlock {
  const others = BARRIER_STATUSES.filter((s) => s !== b.status);
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: barrierLine(tr, b) },
    accessory: {
      type: 'overflow',
      action_id: BarrierIds.statusMenu(n),
      options: [...others.map((s) => option(tr(`barrier.mark.${s}`), `${s}|${b.id}`)), option(tr('barrier.links_option'), `LINKS|${b.id}`)],
    },
  };
}

export function actionLine(tr: Translate, a: HomeAction, dates: DateFormatter): string {
  const due = a.dueDate ? dates.day(a.dueDate) : tr('common.no_date');
  const owner = a.ownerUserId ? userMention(a.ownerUserId) : tr('common.none');
  const line = tr('home.action_line', { what: esc(truncate(a.what, 200)), due, owner });
  return a.overdue ? `${line} · *${tr('home.overdue')}*` : line;
}

/**
 * A card's "Goal…" menu: "Show progress" and "History" for each goal shown on the card (one element,
 * so a Home with many cards stays within its 100 blocks). None when the card has no goals.
 */
export function goalMenu(tr: Translate, goals: HomeGoal[], n: number): Record<string, unknown>[] {
  const shown = goals.slice(0, GOALS_PER_CARD);
  if (shown.length === 0) return [];
  const title = (g: HomeGoal) => truncate(g.title, 50);
  return [
    {
      type: 'static_select',
      action_id: HistoryIds.goalMenu(n),
      placeholder: { type: 'plain_text', text: tr('history.goal_menu') },
      options: shown.flatMap((g) => [
        ...(g.progress !== null ? [option(tr('history.menu_progress', { title: title(g) }), `progress|${g.id}`)] : []),
        option(tr('history.menu_history', { title: title(g) }), `history|${g.id}`),
      ]),
    },
  ];
}
