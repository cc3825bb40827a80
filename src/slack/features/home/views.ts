import type { HomeView, KnownBlock } from '@slack/types';
import type { HomeCard, HomeModel } from '../../../domain/home';
import type { Translate } from '../../../i18n';
import type { DateFormatter } from '../../../i18n/dates';
import { HistoryIds, HomeIds } from '../../ids';
import { ReminderIds } from '../../outbound/ids';
import { ConsentIds, endButton } from '../consent/views';
import { button, context, divider, esc, header, option, section, truncate, userMention } from '../../blocks';
import { actionLine, barrierBlock, cardTitle, factLines, goalMenu, goalsText } from './cards';

/** Home tab limit is 100 blocks. */
const MAX_BLOCKS = 100;
/** Leaders per page on a senior leader's Home (3 blocks each). */
export const LEADERS_PER_PAGE = 10;
const ACTIONS_SHOWN = 5;
const BARRIERS_SHOWN = 5;

/** Subcommands offered in a senior leader's "More…" menu for a leader. */
const SENIOR_MORE = ['conversation', 'feedback', 'checkin', 'barrier', 'plan', 'develop', 'questions'] as const;

/** Action ids are unique within a view: the first card keeps the plain id, the next get `_<n>`. */
const cardId = (base: string, n: number) => (n === 0 ? base : `${base}_${n}`);

export interface HomeOptions {
  /** Page of the senior leader's leaders (0-based). */
  page?: number;
}

function seniorCard(tr: Translate, card: HomeCard, dates: DateFormatter, n: number): KnownBlock[] {
  const text = [cardTitle(tr, card), goalsText(tr, card.goals, dates, false), ...factLines(tr, card, dates)].join('\n');
  return [
    section(truncate(text, 2900)),
    {
      type: 'actions',
      elements: [
        button(tr('home.button_new_goal'), cardId(HomeIds.newGoalButton, n), card.leaderUserId, 'primary'),
        button(tr('home.button_evaluate'), HomeIds.runButton('evaluate', n), card.leaderUserId),
        button(tr('home.button_status'), HomeIds.runButton('status', n), card.leaderUserId),
        button(tr('home.button_edit_followup'), cardId(HomeIds.editFollowUpButton, n), card.followUpId),
        endButton(tr, card.followUpId, cardId(ConsentIds.end, n)),
        {
          type: 'static_select',
          action_id: HomeIds.moreSelect(n),
          placeholder: { type: 'plain_text', text: tr('home.more_placeholder') },
          options: SENIOR_MORE.map((sub) => option(tr(`home.more.${sub}`), `${sub}|${card.leaderUserId}`)),
        },
        ...goalMenu(tr, card.goals, n),
        button(tr('history.button_past_evaluations'), HistoryIds.pastEvaluations(n), card.leaderUserId),
      ] as never,
    },
  ];
}

function leaderCard(tr: Translate, card: HomeCard, dates: DateFormatter, n: number, barrierStart: number): KnownBlock[] {
  const blocks: KnownBlock[] = [context(tr('home.my_senior', { senior: userMention(card.otherUserId) }))];
  blocks.push(section(truncate(`${tr('home.my_goals')}\n${goalsText(tr, card.goals, dates, true)}`, 2900)));
  const facts = [factLines(tr, card, dates)[1]];
  if (card.reflectionDue) facts.push(tr('home.reflection_due'));
  const plan =
    card.openActions.length === 0
      ? tr('home.no_actions')
      : card.openActions.slice(0, ACTIONS_SHOWN).map((a) => `• ${actionLine(tr, a, dates)}`).join('\n') +
        (card.openActions.length > ACTIONS_SHOWN ? `\n${tr('home.more_actions', { count: card.openActions.length - ACTIONS_SHOWN })}` : '');
  blocks.push(section(truncate(`${tr('home.my_plan')}\n${plan}\n\n${facts.join('\n')}`, 2900)));
  card.openBarriers.slice(0, BARRIERS_SHOWN).forEach((b, i) => blocks.push(barrierBlock(tr, b, barrierStart + i)));
  blocks.push({
    type: 'actions',
    elements: [
      button(tr('home.button_new_goal'), cardId(HomeIds.newGoalButton, n), card.leaderUserId, 'primary'),
      button(tr('home.button_checkin'), HomeIds.runButton('checkin', n), card.leaderUserId),
      ...(card.goals.some((g) => g.milestones.some((m) => !m.done))
        ? [button(tr('home.button_milestone'), HomeIds.runButton('milestone', n), card.leaderUserId)]
        : []),
      button(tr(card.reflectionDue ? 'home.button_reflect_due' : 'home.button_reflect'), HomeIds.runButton('reflect', n), card.leaderUserId),
      button(tr('home.button_barrier'), HomeIds.runButton('barrier', n), card.leaderUserId),
      button(tr('home.button_learn'), HomeIds.runButton('learn', n), card.leaderUserId),
      button(tr('home.button_status'), HomeIds.runButton('status', n), card.leaderUserId),
      ...goalMenu(tr, card.goals, n),
      endButton(tr, card.followUpId, cardId(ConsentIds.end, n)),
    ] as never,
  });
  return blocks;
}

function recentBlocks(tr: Translate, model: HomeModel, dates: DateFormatter): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (model.feedback.length > 0) {
    const lines = model.feedback.map((f) =>
      tr('home.feedback_line', {
        giver: f.giverUserId ? userMention(f.giverUserId) : tr('common.none'),
        date: dates.dateTime(f.createdAt),
        works: esc(truncate(f.works, 200)),
      }),
    );
    blocks.push(section(truncate(`${tr('home.my_feedback')}\n${lines.join('\n')}`, 2900)));
  }
  if (model.reflections.length > 0) {
    const lines = model.reflections.map((r) =>
      tr('home.reflection_line', {
        date: dates.dateTime(r.createdAt),
        text: esc(truncate(r.firstAnswer, 150)) || tr('common.none'),
        visibility: tr(r.shared ? 'home.reflection_shared' : 'home.reflection_private'),
      }),
    );
    blocks.push(section(truncate(`${tr('home.my_reflections')}\n${lines.join('\n')}`, 2900)));
  }
  return blocks;
}

/** Invitations: "waiting for @leader" (with Withdraw) and "@senior has invited you" (answered in the DM). */
function pendingBlocks(tr: Translate, model: HomeModel): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  (model.invitedBy ?? []).slice(0, 5).forEach((p) => blocks.push(section(tr('consent.invited_home', { senior: userMention(p.seniorUserId) }))));
  (model.waitingFor ?? []).slice(0, 10).forEach((p, i) =>
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: tr('consent.waiting', { leader: userMention(p.leaderUserId) }) },
      accessory: endButton(tr, p.followUpId, `${ConsentIds.end}_${900 + i}`, 'end.withdraw_button'),
    }),
  );
  return blocks;
}

/** App Home: a leader's own follow-up, a senior leader's leaders (paged), or how to start. */
export function homeView(tr: Translate, model: HomeModel, dates: DateFormatter, options: HomeOptions = {}): HomeView {
  const footer = [divider(), context(tr('home.footer'))];
  const budget = MAX_BLOCKS - footer.length;
  const blocks: KnownBlock[] = pendingBlocks(tr, model);
  if (model.asSenior.length === 0 && model.asLeader.length === 0) {
    blocks.push(header(tr('home.empty_title')), section(tr('home.empty_body')), {
      type: 'actions',
      elements: [button(tr('home.button_setup'), HomeIds.setupButton, undefined, 'primary')],
    });
    return { type: 'home', blocks: [...blocks, ...footer] };
  }
  let n = 0;
  let barrierN = 0;
  if (model.asLeader.length > 0) {
    blocks.push(header(tr('home.header_leader')));
    for (const card of model.asLeader) {
      const part = leaderCard(tr, card, dates, n, barrierN);
      // keep room for the senior part's header, one card and the pager
      if (blocks.length + part.length > budget - (model.asSenior.length > 0 ? 8 : 2)) break;
      blocks.push(...part);
      n++;
      barrierN += Math.min(card.openBarriers.length, BARRIERS_SHOWN);
    }
    const recent = recentBlocks(tr, model, dates);
    if (blocks.length + recent.length <= budget - (model.asSenior.length > 0 ? 8 : 0)) blocks.push(...recent);
  }
  if (model.asSenior.length > 0) {
    const pages = Math.ceil(model.asSenior.length / LEADERS_PER_PAGE);
    const page = Math.min(Math.max(0, Math.floor(options.page ?? 0)), pages - 1);
    const start = page * LEADERS_PER_PAGE;
    const cards = model.asSenior.slice(start, start + LEADERS_PER_PAGE);
    if (blocks.length > 0) blocks.push(divider());
    blocks.push(header(tr('home.header_senior')));
    if (pages > 1) blocks.push(context(tr('home.page_of', { from: start + 1, to: start + cards.length, total: model.asSenior.length })));
    if (model.failedDeliveries) {
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: tr('reminders.failed_home', { count: model.failedDeliveries }) },
        accessory: button(tr('reminders.failed_why'), ReminderIds.failedWhy),
      });
    }
    let shown = 0;
    for (const card of cards) {
      const part = [...seniorCard(tr, card, dates, n), divider()];
      if (blocks.length + part.length > budget - 1) break;
      blocks.push(...part);
      n++;
      shown++;
    }
    const remaining = model.asSenior.length - start - shown;
    const pager = [];
    if (page > 0) pager.push(button(tr('home.button_prev'), HomeIds.prevPageButton, String(page - 1)));
    if (remaining > 0) pager.push(button(tr('home.button_more', { count: remaining }), HomeIds.pageButton, String(page + 1)));
    pager.push(button(tr('home.button_setup'), HomeIds.setupButton));
    blocks.push({ type: 'actions', elements: pager });
  }
  return { type: 'home', blocks: [...blocks.slice(0, budget), ...footer] };
}
