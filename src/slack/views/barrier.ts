import type { ModalView } from '@slack/types';
import type { BarrierKind, BarrierStatus } from '../../data/prisma';
import { BARRIER_KINDS, BARRIER_STATUSES } from '../../domain/barriers';
import type { Translate } from '../../i18n';
import { BarrierIds } from '../ids';
import { context, Limits, option, plain } from '../blocks';
import { radioInput, textInput, userInput } from '../form/inputs';

export const BarrierFieldMax = { description: 2000 } as const;

/** The barrier modal: whose follow-up, kind, description, status. */
export function barrierModal(tr: Translate, vm: { leaderUserId: string | null }): ModalView {
  const kindOption = (k: BarrierKind) => option(tr(`barrier.kind.${k}`), k);
  const statusOption = (s: BarrierStatus) => option(tr(`barrier.status.${s}`), s);
  return {
    type: 'modal',
    callback_id: BarrierIds.view,
    title: plain(tr('barrier.title'), Limits.modalTitle),
    submit: plain(tr('common.save'), Limits.modalTitle),
    close: plain(tr('common.cancel'), Limits.modalTitle),
    blocks: [
      context(tr('barrier.intro')),
      userInput(BarrierIds.leaderBlock, BarrierIds.leaderInput, tr('barrier.leader'), vm.leaderUserId),
      radioInput(BarrierIds.kindBlock, BarrierIds.kindInput, tr('barrier.kind'), BARRIER_KINDS.map(kindOption)),
      textInput(BarrierIds.descriptionBlock, BarrierIds.descriptionInput, tr('barrier.description'), {
        multiline: true,
        max: BarrierFieldMax.description,
        placeholder: tr('barrier.description_placeholder'),
      }),
      radioInput(BarrierIds.statusBlock, BarrierIds.statusInput, tr('barrier.status'), BARRIER_STATUSES.map(statusOption), { initial: statusOption('OPEN') }),
    ],
  };
}
