import type { KnownBlock, ModalView } from '@slack/types';
import type { FieldChange, GoalHistoryEntry, HistoryPage, PastEvaluation } from '../../../domain/history';
import { GOAL_STATUSES, type GoalStatus } from '../../../domain/vocabulary';
import { formatNumber, type Locale, type Translate } from '../../../i18n';
import { dateFormatter, type Reader } from '../../../i18n/dates';
import { button, context, divider, esc, Limits, plain, section, truncate, userMention } from '../../blocks';
import type { ChartImage } from '../../charts';
import { chartBlocks } from '../../charts';
import { metadata } from '../../form/metadata';

/** This feature's own ids (the Home card's menu and button are in ../../ids.ts). */
export const HistoryViewIds = {
  goalView: 'history_goal_view',
  evaluationsView: 'history_evaluations_view',
  progressView: 'history_progress_view',
  /** Newer/Older in the goal history modal: value `<goalId>|<page>`. */
  goalPage: 'history_goal_page',
  goalPageOlder: 'history_goal_page_older',
  /** Newer/Older in the past evaluations modal: value `<leader user id>|<page>`. */
  evaluationsPage: 'history_evaluations_page',
  evaluationsPageOlder: 'history_evaluations_page_older',
} as const;

const who = (tr: Translate, userId: string | null) => (userId ? userMention(userId) : tr('common.none'));

function value(tr: Translate, locale: Locale, reader: Reader, field: FieldChange['field'], v: string | number | null): string {
  if (v === null || v === '') return tr('common.none');
  if (typeof v === 'number') return formatNumber(locale, v);
  if (field === 'targetDate') return dateFormatter(reader).day(v.slice(0, 10));
  if (field === 'status') return (GOAL_STATUSES as readonly string[]).includes(v) ? tr(`goal.status.${v as GoalStatus}`) : esc(v);
  return esc(truncate(v, 200));
}

function entryText(tr: Translate, locale: Locale, reader: Reader, e: GoalHistoryEntry): string {
  const fmt = dateFormatter(reader);
  if (e.kind === 'revision') {
    const head = e.number === 1 ? tr('history.revision_created', { author: who(tr, e.authorUserId), date: fmt.dateTime(e.at) }) : tr('history.revision', { number: e.number, author: who(tr, e.authorUserId), date: fmt.dateTime(e.at) });
    const lines = [head, ...e.changes.map((c) => tr('history.change', { field: tr(`history.field.${c.field}`), before: value(tr, locale, reader, c.field, c.from), after: value(tr, locale, reader, c.field, c.to) }))];
    if (e.reason && e.number > 1) lines.push(tr('history.reason', { reason: esc(truncate(e.reason, 500)) }));
    return lines.join('\n');
  }
  if (e.kind === 'checkin') {
    const line = tr('history.checkin', { author: who(tr, e.authorUserId), date: fmt.dateTime(e.at), value: e.value === null ? tr('common.none') : formatNumber(locale, e.value), confidence: e.confidence });
    return e.note ? `${line}\n>${esc(truncate(e.note, 500))}` : line;
  }
  const line = tr('history.evaluation', { day: fmt.day(e.heldOn), author: who(tr, e.authorUserId), assessment: tr(`evaluate.assessment.${e.assessment}`) });
  return e.comment ? `${line}\n>${esc(truncate(e.comment, 500))}` : line;
}

function pager(tr: Translate, page: HistoryPage<unknown>, newerId: string, olderId: string, key: string): KnownBlock[] {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const elements = [];
  if (page.page > 0) elements.push(button(tr('history.newer'), newerId, `${key}|${page.page - 1}`));
  if (page.hasMore) elements.push(button(tr('history.older'), olderId, `${key}|${page.page + 1}`));
  const blocks: KnownBlock[] = [];
  if (pages > 1) blocks.push(context(tr('history.page', { page: page.page + 1, pages })));
  if (elements.length > 0) blocks.push({ type: 'actions', elements });
  return blocks;
}

function modal(tr: Translate, callbackId: string, title: string, blocks: KnownBlock[], meta: Record<string, unknown> = {}): ModalView {
  return { type: 'modal', callback_id: callbackId, private_metadata: metadata(meta), title: plain(title, Limits.modalTitle), close: plain(tr('history.close'), Limits.modalTitle), blocks };
}

/** A goal's history, newest first, a page at a time (≤ 25 entries: one section each). */
export function goalHistoryModal(tr: Translate, locale: Locale, reader: Reader, goal: { id: string; title: string }, page: HistoryPage<GoalHistoryEntry>): ModalView {
  const blocks: KnownBlock[] = [section(tr('history.goal_intro', { title: esc(truncate(goal.title, 150)), total: page.total }))];
  if (page.entries.length === 0) blocks.push(context(tr('history.empty')));
  else blocks.push(divider());
  for (const e of page.entries) blocks.push(section(truncate(entryText(tr, locale, reader, e), 2900)));
  blocks.push(...pager(tr, page, HistoryViewIds.goalPage, HistoryViewIds.goalPageOlder, goal.id));
  return modal(tr, HistoryViewIds.goalView, tr('history.title'), blocks, { goalId: goal.id, page: page.page });
}

function evaluationText(tr: Translate, locale: Locale, reader: Reader, e: PastEvaluation): string {
  const fmt = dateFormatter(reader);
  const lines = [tr('history.evaluation_header', { day: fmt.day(e.heldOn), author: who(tr, e.authorUserId) })];
  for (const a of e.assessments.slice(0, 15)) {
    lines.push(tr('history.evaluation_goal', { title: esc(truncate(a.goalTitle, 100)), assessment: tr(`evaluate.assessment.${a.assessment}`) }) + (a.comment ? ` — ${esc(truncate(a.comment, 200))}` : ''));
  }
  for (const d of e.decisions.slice(0, 10)) {
    const changes = d.changes.map((c) => tr('history.change', { field: tr(`history.field.${c.field}`), before: value(tr, locale, reader, c.field, c.from), after: value(tr, locale, reader, c.field, c.to) })).join(', ');
    lines.push(tr('history.evaluation_decision', { title: esc(truncate(d.goalTitle, 100)), changes: changes || tr('common.none') }) + (d.reason ? ` (${tr('history.reason', { reason: esc(truncate(d.reason, 200)) })})` : ''));
  }
  if (e.summary) lines.push(tr('history.evaluation_summary', { summary: esc(truncate(e.summary, 500)) }));
  if (e.nextEvaluationOn) lines.push(tr('history.evaluation_next', { day: fmt.day(e.nextEvaluationOn) }));
  return lines.join('\n');
}

/** A leader's past evaluations (for their senior leader), newest first, a page at a time. */
export function pastEvaluationsModal(tr: Translate, locale: Locale, reader: Reader, leaderUserId: string, page: HistoryPage<PastEvaluation>): ModalView {
  const blocks: KnownBlock[] = [section(tr('history.evaluations_intro', { leader: userMention(leaderUserId), total: page.total }))];
  if (page.entries.length === 0) blocks.push(context(tr('history.no_evaluations')));
  for (const e of page.entries) blocks.push(divider(), section(truncate(evaluationText(tr, locale, reader, e), 2900)));
  blocks.push(...pager(tr, page, HistoryViewIds.evaluationsPage, HistoryViewIds.evaluationsPageOlder, leaderUserId));
  return modal(tr, HistoryViewIds.evaluationsView, tr('history.evaluations_title'), blocks, { leaderUserId, page: page.page });
}

/** Opened at once (a trigger_id lasts 3 s); the chart replaces it when drawn. */
export function progressLoadingModal(tr: Translate): ModalView {
  return modal(tr, HistoryViewIds.progressView, tr('history.progress_title'), [section(tr('history.loading'))]);
}

/** A goal's chart in a modal (the picture shows only to the person who opened it). */
export function progressModal(tr: Translate, image: ChartImage): ModalView {
  return modal(tr, HistoryViewIds.progressView, tr('history.progress_title'), chartBlocks([image]));
}

/** The chart could not be drawn (no metric, or no access): the reason, in the modal. */
export function progressErrorModal(tr: Translate, message: string): ModalView {
  return modal(tr, HistoryViewIds.progressView, tr('history.progress_title'), [section(message)]);
}
