import { modalView } from '../../form/modal';
import type { KnownBlock, ModalView } from '@slack/types';
import type { IsoDay } from '../../../time/dates';
import { formatNumber, type Locale, type Translate } from '../../../i18n';
import { GoalEditIds, indexedAction } from '../../ids';
import { button, context, esc, header, option, section, truncate, Limits, type Message } from '../../blocks';

import { goalEditForm, goalForm } from './fields';

export interface GoalViewModel {
  leaderUserId: string | null;
  /** A leader's follow-ups when they have more than one: the modal asks which. */
  choices?: { followUpId: string; seniorName: string }[];
}

/** The goal modal: kind, title, description, expectations, success criteria, target date, milestones. */
export function goalModal(tr: Translate, vm: GoalViewModel): ModalView {
  const f = goalForm;
  type Name = keyof typeof f.fields;
  // The form's fields in their order, in three parts: what the goal is (every field but these), its
  // quantitative criteria, its milestones. A new field on the form shows in the first part.
  const quantitative: Name[] = ['metricName', 'metricUnit', 'baseline', 'target', 'targetDate'];
  const names = Object.keys(f.fields) as Name[];
  const milestones = names.filter((k) => k.startsWith('milestone'));
  const choose = (vm.choices?.length ?? 0) > 1;
  const what = names.filter((k) => !milestones.includes(k) && !quantitative.includes(k) && (choose || k !== 'followUpId'));
  const blocks: KnownBlock[] = [
    ...f.blocks(
      tr,
      {
        leaderUserId: { initial: vm.leaderUserId },
        followUpId: { options: (vm.choices ?? []).map((c) => option(truncate(tr('followup.choice', { senior: c.seniorName }), Limits.optionText), c.followUpId)) },
      },
      what,
    ),
    header(tr('goal.quantitative_header')),
    ...f.blocks(tr, {}, quantitative),
    header(tr('goal.milestones_header')),
    ...f.blocks(tr, {}, milestones),
  ];
  return modalView(tr, {
    callbackId: GoalIds.view,
    title: 'goal.title',
    submit: 'goal.submit',
    blocks,
  });
}

export const GoalIds = { view: 'goal_create_view' } as const;

export interface GoalEditViewModel {
  locale: Locale;
  goalId: string;
  title: string;
  hasMetric: boolean;
  unit: string | null;
  target: number | null;
  targetDate: IsoDay | null;
  qualitativeCriteria: string | null;
  /** The goal's newest revision when the modal opened: a save on top of a newer one is a conflict. */
  revision?: number;
}

/** Edit a goal's target, target date or criteria; asks why (kept as a revision). */
export function goalEditModal(tr: Translate, vm: GoalEditViewModel): ModalView {
  const f = goalEditForm;
  const blocks: KnownBlock[] = [section(tr('goal_edit.intro', { title: esc(truncate(vm.title, 150)) }))];
  if (vm.hasMetric) {
    // Shown as the reader writes numbers (3,5 in bokmål); the reader accepts both.
    blocks.push(
      f.block('target', tr, {
        label: vm.unit ? tr('goal_edit.target_unit', { unit: vm.unit }) : undefined,
        initialText: vm.target === null ? null : formatNumber(vm.locale, vm.target),
      }),
    );
  }
  blocks.push(...f.blocks(tr, { targetDate: { initial: vm.targetDate }, qualitativeCriteria: { initial: vm.qualitativeCriteria } }, ['targetDate', 'qualitativeCriteria', 'reason']));
  return modalView(tr, {
    callbackId: GoalEditIds.view,
    title: 'goal_edit.title',
    privateMetadata: vm.revision === undefined ? { goalId: vm.goalId } : { goalId: vm.goalId, revision: String(vm.revision) },
    blocks,
  });
}

/** `/followup goal edit`: the goals the person may edit, each with a button. */
export function goalEditListMessage(tr: Translate, goals: { id: string; title: string; leaderName: string }[]): Message {
  const text = goals.length === 0 ? tr('goal_edit.none') : tr('goal_edit.choose');
  const blocks: KnownBlock[] = [section(text)];
  for (const [i, g] of goals.slice(0, 40).entries()) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*${esc(truncate(g.title, 150))}* · ${esc(g.leaderName)}`, Limits.sectionText) },
      accessory: button(tr('goal_edit.button'), indexedAction(GoalEditIds.editButton, i + 1), g.id),
    });
  }
  if (goals.length > 40) blocks.push(context(tr('home.more_goals', { count: goals.length - 40 })));
  return { text, blocks };
}
