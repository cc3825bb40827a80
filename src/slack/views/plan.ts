import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../i18n';
import { PLAN_WHAT_MAX } from '../../domain/plans';
import { PlanIds } from '../ids';
import { context, option, plain, Limits, truncate } from '../blocks';

export interface PlanViewModel {
  leaderUserId: string | null;
  owner: 'leader' | 'senior';
  today: string;
  barriers: { id: string; description: string }[];
}

/** The modal of `/followup plan`: what, owner, due date, and the barrier it addresses. */
export function planModal(tr: Translate, vm: PlanViewModel): ModalView {
  const ownerOption = (o: 'leader' | 'senior') => option(tr(`plan.owner.${o}`), o);
  const blocks: KnownBlock[] = [
    context(tr('plan.intro')),
    {
      type: 'input',
      block_id: PlanIds.leaderBlock,
      label: plain(tr('plan.leader'), Limits.label),
      element: { type: 'users_select', action_id: PlanIds.leaderInput, ...(vm.leaderUserId ? { initial_user: vm.leaderUserId } : {}) },
    },
    {
      type: 'input',
      block_id: PlanIds.whatBlock,
      label: plain(tr('plan.what'), Limits.label),
      element: { type: 'plain_text_input', action_id: PlanIds.whatInput, multiline: true, max_length: PLAN_WHAT_MAX, placeholder: plain(tr('plan.what_placeholder'), Limits.placeholder) },
    },
    {
      type: 'input',
      block_id: PlanIds.ownerBlock,
      label: plain(tr('plan.owner'), Limits.label),
      element: { type: 'radio_buttons', action_id: PlanIds.ownerInput, options: [ownerOption('leader'), ownerOption('senior')], initial_option: ownerOption(vm.owner) },
    },
    {
      type: 'input',
      block_id: PlanIds.dueBlock,
      label: plain(tr('plan.due'), Limits.label),
      element: { type: 'datepicker', action_id: PlanIds.dueInput, initial_date: vm.today },
    },
  ];
  if (vm.barriers.length > 0) {
    blocks.push({
      type: 'input',
      block_id: PlanIds.barrierBlock,
      optional: true,
      label: plain(tr('plan.barrier'), Limits.label),
      element: {
        type: 'static_select',
        action_id: PlanIds.barrierInput,
        options: vm.barriers.slice(0, 100).map((b) => option(truncate(b.description, Limits.optionText), b.id)),
      },
    });
  }
  return {
    type: 'modal',
    callback_id: PlanIds.view,
    title: plain(tr('plan.title'), Limits.modalTitle),
    submit: plain(tr('plan.submit'), Limits.modalTitle),
    close: plain(tr('common.cancel'), Limits.modalTitle),
    blocks,
  };
}
