import type { HomeView, KnownBlock } from '@slack/types';
import type { HomeCard, HomeGoal, HomeModel } from '../../domain/home';
import type { Translate } from '../../i18n';
import { slackDay } from '../../time/dates';
import { HomeIds } from '../ids';
import { button, channelMention, context, divider, esc, header, progressBar, section, truncate, userMention } from './blocks';

/** Home tab limit is 100 blocks; keep a margin for the footer. */
const MAX_BLOCKS = 100;
const GOALS_PER_CARD = 5;

function goalLine(tr: Translate, goal: HomeGoal, zone: string): string {
  const progress =
    goal.progress === null ? tr('home.goal_no_metric') : tr('common.progress', { percent: Math.round(goal.progress * 100) });
  const bar = progressBar(goal.progress ?? 0);
  let line = tr('home.goal_line', { bar, title: esc(truncate(goal.title, 150)), kind: tr(`goal.kind.${goal.kind}`), progress });
  if (goal.status !== 'ACTIVE') line += ` · _${tr(`goal.status.${goal.status}`)}_`;
  if (goal.targetDate) line += ` · ${tr('goal.target_by', { date: slackDay(goal.targetDate, zone) })}`;
  return line;
}

function milestoneLines(tr: Translate, goal: HomeGoal, zone: string): string[] {
  return goal.milestones.map((m) =>
    m.done
      ? tr('home.milestone_done', { title: esc(truncate(m.title, 150)) })
      : tr('home.milestone_open', { title: esc(truncate(m.title, 150)), due: m.dueDate ? slackDay(m.dueDate, zone) : tr('common.no_date') }),
  );
}

function goalsText(tr: Translate, card: HomeCard, zone: string, withMilestones: boolean): string {
  if (card.goals.length === 0) return tr('home.no_goals');
  const shown = card.goals.slice(0, GOALS_PER_CARD);
  const lines: string[] = [];
  for (const goal of shown) {
    lines.push(goalLine(tr, goal, zone));
    if (withMilestones) lines.push(...milestoneLines(tr, goal, zone).map((l) => `      ${l}`));
  }
  if (card.goals.length > shown.length) lines.push(tr('home.more_goals', { count: card.goals.length - shown.length }));
  return truncate(lines.join('\n'), 2900);
}

function seniorCard(tr: Translate, card: HomeCard, zone: string): KnownBlock[] {
  const title = card.teamChannelId
    ? tr('home.leader_card', { leader: userMention(card.otherUserId), channel: channelMention(card.teamChannelId) })
    : tr('home.leader_card_no_channel', { leader: userMention(card.otherUserId) });
  return [
    section(`${title}\n${goalsText(tr, card, zone, false)}`),
    {
      type: 'actions',
      elements: [
        button(tr('home.button_new_goal'), HomeIds.newGoalButton, card.otherUserId, 'primary'),
        button(tr('home.button_edit_followup'), HomeIds.editFollowUpButton, card.followUpId),
      ],
    },
  ];
}

function leaderCard(tr: Translate, card: HomeCard, zone: string, selfUserId: string): KnownBlock[] {
  return [
    context(tr('home.my_senior', { senior: userMention(card.otherUserId) })),
    section(goalsText(tr, card, zone, true)),
    { type: 'actions', elements: [button(tr('home.button_new_goal'), HomeIds.newGoalButton, selfUserId, 'primary')] },
  ];
}

/** App Home: a senior leader's leaders, a leader's own goals, or how to start. */
export function homeView(tr: Translate, model: HomeModel, zone: string, selfUserId: string): HomeView {
  const blocks: KnownBlock[] = [];
  const footer = [divider(), context(tr('home.footer'))];
  const budget = MAX_BLOCKS - footer.length;
  if (model.asSenior.length === 0 && model.asLeader.length === 0) {
    blocks.push(header(tr('home.empty_title')), section(tr('home.empty_body')), {
      type: 'actions',
      elements: [button(tr('home.button_setup'), HomeIds.setupButton, undefined, 'primary')],
    });
  } else {
    if (model.asLeader.length > 0) {
      blocks.push(header(tr('home.header_leader')));
      for (const card of model.asLeader) {
        const part = leaderCard(tr, card, zone, selfUserId);
        if (blocks.length + part.length > budget - 1) break;
        blocks.push(...part);
      }
    }
    if (model.asSenior.length > 0) {
      if (blocks.length > 0) blocks.push(divider());
      blocks.push(header(tr('home.header_senior')));
      let shown = 0;
      for (const card of model.asSenior) {
        const part = [...seniorCard(tr, card, zone), divider()];
        // keep one block for the "N more" note
        if (blocks.length + part.length > budget - 1) break;
        blocks.push(...part);
        shown++;
      }
      if (shown < model.asSenior.length) blocks.push(context(tr('home.more_leaders', { count: model.asSenior.length - shown })));
      blocks.push({ type: 'actions', elements: [button(tr('home.button_setup'), HomeIds.setupButton)] });
    }
  }
  return { type: 'home', blocks: [...blocks.slice(0, budget), ...footer] };
}
