import { modalView } from '../../form/modal';
import type { ModalView } from '@slack/types';
import type { Translate } from '../../../i18n';
import { context, option, truncate } from '../../blocks';
import { BARRIER_FIELDS, barrierForm } from './fields';

export const BarrierIds = {
  view: 'barrier_view',
  /** Overflow menu on a listed barrier (App Home, status): `barrier_status_menu_<n>`, option values `<STATUS>|<barrier id>`. */
  statusMenu: (n: number) => `barrier_status_menu_${n}`,
  statusMenuPattern: /^barrier_status_menu_\d+$/,
} as const;

/** The barrier modal: whose follow-up, kind, description, status. */
export function barrierModal(tr: Translate, vm: { leaderUserId: string | null; choices?: { followUpId: string; seniorName: string }[] }): ModalView {
  const choose = (vm.choices?.length ?? 0) > 1;
  return modalView(tr, {
    callbackId: BarrierIds.view,
    title: 'barrier.title',
    blocks: [
      context(tr('barrier.intro')),
      ...barrierForm.blocks(
        tr,
        {
          leaderUserId: { initial: vm.leaderUserId },
          followUpId: { options: (vm.choices ?? []).map((c) => option(truncate(tr('followup.choice', { senior: c.seniorName }), 75), c.followUpId)) },
        },
        choose ? ['leaderUserId', 'followUpId', 'kind', 'description', 'status'] : [...BARRIER_FIELDS],
      ),
    ],
  });
}
