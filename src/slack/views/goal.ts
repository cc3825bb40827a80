import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../i18n';
import { MAX_MILESTONES } from '../../domain/goals';
import { GoalIds } from '../ids';
import { header, option, plain, Limits } from './blocks';
import { textInput } from './inputs';

export const GoalFieldMax = {
  title: 150,
  description: 3000,
  expectations: 3000,
  qualitative: 3000,
  metric: 100,
  unit: 30,
  number: 30,
  milestone: 150,
} as const;

export interface GoalViewModel {
  leaderUserId: string | null;
}


/** The goal modal: kind, title, description, expectations, success criteria, target date, milestones. */
export function goalModal(tr: Translate, vm: GoalViewModel): ModalView {
  const kindOption = (k: 'PERSONAL' | 'PROFESSIONAL') => option(tr(`goal.kind.${k}`), k);
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: GoalIds.leaderBlock,
      label: plain(tr('goal.leader'), Limits.label),
      element: { type: 'users_select', action_id: GoalIds.leaderInput, ...(vm.leaderUserId ? { initial_user: vm.leaderUserId } : {}) },
    },
    {
      type: 'input',
      block_id: GoalIds.kindBlock,
      label: plain(tr('goal.kind'), Limits.label),
      element: {
        type: 'radio_buttons',
        action_id: GoalIds.kindInput,
        options: [kindOption('PROFESSIONAL'), kindOption('PERSONAL')],
        initial_option: kindOption('PROFESSIONAL'),
      },
    },
    textInput(GoalIds.titleBlock, GoalIds.titleInput, tr('goal.goal_title'), { max: GoalFieldMax.title, placeholder: tr('goal.goal_title_placeholder') }),
    textInput(GoalIds.descriptionBlock, GoalIds.descriptionInput, tr('goal.description'), { optional: true, multiline: true, max: GoalFieldMax.description }),
    textInput(GoalIds.expectationsBlock, GoalIds.expectationsInput, tr('goal.expectations'), {
      optional: true,
      multiline: true,
      max: GoalFieldMax.expectations,
      hint: tr('goal.expectations_hint'),
    }),
    textInput(GoalIds.qualitativeBlock, GoalIds.qualitativeInput, tr('goal.qualitative'), {
      optional: true,
      multiline: true,
      max: GoalFieldMax.qualitative,
      placeholder: tr('goal.qualitative_placeholder'),
    }),
    header(tr('goal.quantitative_header')),
    textInput(GoalIds.metricBlock, GoalIds.metricInput, tr('goal.metric'), { optional: true, max: GoalFieldMax.metric, placeholder: tr('goal.metric_placeholder') }),
    textInput(GoalIds.unitBlock, GoalIds.unitInput, tr('goal.unit'), { optional: true, max: GoalFieldMax.unit, placeholder: tr('goal.unit_placeholder') }),
    textInput(GoalIds.baselineBlock, GoalIds.baselineInput, tr('goal.baseline'), { optional: true, max: GoalFieldMax.number }),
    textInput(GoalIds.targetBlock, GoalIds.targetInput, tr('goal.target'), { optional: true, max: GoalFieldMax.number }),
    {
      type: 'input',
      block_id: GoalIds.targetDateBlock,
      optional: true,
      label: plain(tr('goal.target_date'), Limits.label),
      element: { type: 'datepicker', action_id: GoalIds.targetDateInput },
    },
    header(tr('goal.milestones_header')),
  ];
  for (let n = 1; n <= MAX_MILESTONES; n++) {
    blocks.push(textInput(GoalIds.milestoneBlock(n), GoalIds.milestoneInput(n), tr('goal.milestone_n', { n }), { optional: true, max: GoalFieldMax.milestone }));
    blocks.push({
      type: 'input',
      block_id: GoalIds.milestoneDueBlock(n),
      optional: true,
      label: plain(tr('goal.milestone_due_n', { n }), Limits.label),
      element: { type: 'datepicker', action_id: GoalIds.milestoneDueInput(n) },
    });
  }
  return {
    type: 'modal',
    callback_id: GoalIds.view,
    title: plain(tr('goal.title'), Limits.modalTitle),
    submit: plain(tr('goal.submit'), Limits.modalTitle),
    close: plain(tr('common.cancel'), Limits.modalTitle),
    blocks,
  };
}
