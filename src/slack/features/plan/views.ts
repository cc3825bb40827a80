import { modalView } from '../../form/modal';
import type { KnownBlock, ModalView } from '@slack/types';
import type { PlanOwner } from '../../../domain/plans';
import type { Translate } from '../../../i18n';
import type { IsoDay } from '../../../time/dates';
import { context, option, Limits, truncate } from '../../blocks';
import { planForm } from './fields';

export const PlanIds = { view: 'plan_create_view' } as const;

export interface PlanViewModel {
  leaderUserId: string | null;
  owner: PlanOwner;
  today: IsoDay;
  barriers: { id: string; description: string }[];
  /** A leader's follow-ups when they have more than one: the modal asks which. */
  choices?: { followUpId: string; seniorName: string }[];
}

/** The modal of `/followup plan`: what, owner, due date, and the barrier it addresses. */
export function planModal(tr: Translate, vm: PlanViewModel): ModalView {
  const f = planForm;
  const blocks: KnownBlock[] = [
    context(tr('plan.intro')),
    ...f.blocks(
      tr,
      {
        leaderUserId: { initial: vm.leaderUserId },
        followUpId: { options: (vm.choices ?? []).map((c) => option(truncate(tr('followup.choice', { senior: c.seniorName }), Limits.optionText), c.followUpId)) },
        owner: { initial: vm.owner },
        dueDate: { initial: vm.today },
      },
      (vm.choices?.length ?? 0) > 1 ? ['leaderUserId', 'followUpId', 'what', 'owner', 'dueDate'] : ['leaderUserId', 'what', 'owner', 'dueDate'],
    ),
  ];
  if (vm.barriers.length > 0) {
    blocks.push(f.block('barrierId', tr, { options: vm.barriers.slice(0, 100).map((b) => option(truncate(b.description, Limits.optionText), b.id)) }));
  }
  return modalView(tr, {
    callbackId: PlanIds.view,
    title: 'plan.title',
    submit: 'plan.submit',
    blocks,
  });
}
