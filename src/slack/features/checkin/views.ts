import { modalView } from '../../form/modal';
import type { KnownBlock, ModalView } from '@slack/types';
import { formatNumber, type Locale, type Translate } from '../../../i18n';
import { GoalEditIds, MilestoneIds, indexedAction } from '../../ids';
import { button, context, esc, option, progressText, section, truncate, Limits } from '../../blocks';
import type { Message } from '../../blocks';
import { checkInForm } from './fields';

export const CheckInIds = {
  view: 'checkin_view',
  /** Button (value: goal id) that opens the check-in modal for one goal. */
  logButton: 'checkin_log_button',
} as const;

export interface CheckInGoalChoice {
  id: string;
  title: string;
  leaderName: string;
  metricName: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
}

export interface CheckInViewModel {
  locale: Locale;
  goals: CheckInGoalChoice[];
  selectedGoalId: string | null;
}

const unitText = (unit: string | null) => (unit ? ` ${unit}` : '');

/** One line describing a goal's measure: metric, baseline → target, value now. */
function measureLine(tr: Translate, locale: Locale, g: Pick<CheckInGoalChoice, 'metricName' | 'unit' | 'baseline' | 'target' | 'current'>): string {
  if (g.baseline === null || g.target === null) return tr('checkin.no_metric');
  return tr('checkin.measure', {
    metric: g.metricName ?? '',
    baseline: formatNumber(locale, g.baseline) + unitText(g.unit),
    target: formatNumber(locale, g.target) + unitText(g.unit),
    current: g.current === null ? tr('common.none') : formatNumber(locale, g.current) + unitText(g.unit),
  });
}

/** The check-in modal: a goal, a value in its unit, a confidence 1–5 and a note. */
export function checkInModal(tr: Translate, vm: CheckInViewModel): ModalView {
  const f = checkInForm;
  const goalOption = (g: CheckInGoalChoice) => option(`${truncate(g.title, 45)} · ${truncate(g.leaderName, 15)}${g.unit ? ` (${truncate(g.unit, 10)})` : ''}`, g.id);
  const selected = vm.goals.find((g) => g.id === vm.selectedGoalId) ?? null;
  // Choosing a goal updates the modal (views.update) so the value field names that goal's unit.
  const blocks: KnownBlock[] = [f.block('goal', tr, { options: vm.goals.slice(0, 100).map(goalOption), initial: selected?.id ?? null, dispatch: true })];
  if (selected) blocks.push(context(esc(measureLine(tr, vm.locale, selected))));
  blocks.push(
    f.block('value', tr, { label: selected?.unit ? tr('checkin.value_unit', { unit: selected.unit }) : undefined }),
    ...f.blocks(tr, {}, ['confidence', 'note']),
  );
  return modalView(tr, {
    callbackId: CheckInIds.view,
    title: 'checkin.title',
    blocks,
  });
}

export interface CheckInConfirmation {
  goalId: string;
  title: string;
  value: number | null;
  unit: string | null;
  progress: number | null;
  confidence: number;
  note: string | null;
  openMilestones: { id: string; title: string }[];
  /** The value reached the target and the goal is not achieved yet: offer "Mark achieved". */
  targetReached?: boolean;
  target?: number | null;
}

/** The progress line: bar and percentage, or "no measure". */
/** To the person who checked in: the progress bar, the open milestones with "Mark done", and "Edit goal". */
export function checkInSavedMessage(tr: Translate, locale: Locale, c: CheckInConfirmation): Message {
  const title = esc(truncate(c.title, 150));
  const value = c.value === null ? tr('common.none') : esc(formatNumber(locale, c.value) + unitText(c.unit));
  const text = tr('checkin.saved', { title, value, progress: progressText(c.progress, (percent) => tr('common.progress', { percent }), tr('home.goal_no_metric')), confidence: c.confidence });
  const blocks: KnownBlock[] = [section(text)];
  if (c.note) blocks.push(context(esc(truncate(c.note, 500))));
  if (c.targetReached) {
    const target = c.target === null || c.target === undefined ? tr('common.none') : esc(formatNumber(locale, c.target) + unitText(c.unit));
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(tr('goal.target_reached_suggestion', { title, target }), Limits.sectionText) },
      accessory: button(tr('goal.mark_achieved_button'), GoalEditIds.markAchievedButton, c.goalId, 'primary'),
    });
  }
  for (const [i, m] of c.openMilestones.slice(0, 5).entries()) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(tr('checkin.open_milestone', { title: esc(truncate(m.title, 150)) }), Limits.sectionText) },
      accessory: button(tr('milestone.mark_done'), indexedAction(MilestoneIds.doneButton, i + 1), m.id),
    });
  }
  blocks.push({ type: 'actions', elements: [button(tr('goal_edit.button'), GoalEditIds.editButton, c.goalId)] });
  return { text, blocks };
}

/** To the other person of the follow-up. */
export function checkInNoticeMessage(tr: Translate, author: string, c: CheckInConfirmation): Message {
  const text = tr('checkin.notice', { author, title: esc(truncate(c.title, 150)), progress: progressText(c.progress, (percent) => tr('common.progress', { percent }), tr('home.goal_no_metric')), confidence: c.confidence });
  return { text, blocks: [section(text), { type: 'actions', elements: [button(tr('checkin.button'), CheckInIds.logButton, c.goalId)] }] };
}
