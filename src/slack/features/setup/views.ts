import type { KnownBlock, ModalView } from '@slack/types';
import type { Cadence } from '../../../data/prisma';
import type { Translate } from '../../../i18n';
import type { IsoDay } from '../../../time/dates';
import { SetupIds } from '../../ids';
import { context, option, plain, Limits } from '../../blocks';

export interface SetupViewModel {
  editing: boolean;
  leaderUserId: string | null;
  teamChannelId: string | null;
  oneToOneCadence: Cadence;
  evaluationEveryWeeks: number;
  reflectionCadence: Cadence;
  startDate: IsoDay;
  evaluationWeeks: readonly number[];
}

const ONE_TO_ONE: Cadence[] = ['WEEKLY', 'BIWEEKLY', 'MONTHLY'];
const REFLECTION: Cadence[] = ['WEEKLY', 'BIWEEKLY', 'MONTHLY', 'NONE'];

/** The modal that starts (or edits) a follow-up. */
export function setupModal(tr: Translate, vm: SetupViewModel): ModalView {
  const cadenceOption = (c: Cadence) => option(tr(`setup.cadence.${c}`), c);
  const weeksOption = (w: number) => option(tr('setup.eval_weeks', { weeks: w }), String(w));
  const blocks: KnownBlock[] = [
    context(tr('setup.intro')),
    {
      type: 'input',
      block_id: SetupIds.leaderBlock,
      label: plain(tr('setup.leader'), Limits.label),
      element: {
        type: 'users_select',
        action_id: SetupIds.leaderInput,
        ...(vm.leaderUserId ? { initial_user: vm.leaderUserId } : {}),
      },
    },
    {
      type: 'input',
      block_id: SetupIds.channelBlock,
      optional: true,
      label: plain(tr('setup.channel'), Limits.label),
      hint: plain(tr('setup.channel_hint'), Limits.label),
      element: {
        type: 'conversations_select',
        action_id: SetupIds.channelInput,
        filter: { include: ['public', 'private'], exclude_bot_users: true, exclude_external_shared_channels: true },
        ...(vm.teamChannelId ? { initial_conversation: vm.teamChannelId } : {}),
      },
    },
    {
      type: 'input',
      block_id: SetupIds.oneToOneBlock,
      label: plain(tr('setup.one_to_one'), Limits.label),
      element: {
        type: 'static_select',
        action_id: SetupIds.oneToOneInput,
        options: ONE_TO_ONE.map(cadenceOption),
        initial_option: cadenceOption(vm.oneToOneCadence === 'NONE' ? 'BIWEEKLY' : vm.oneToOneCadence),
      },
    },
    {
      type: 'input',
      block_id: SetupIds.evaluationBlock,
      label: plain(tr('setup.evaluation'), Limits.label),
      element: {
        type: 'static_select',
        action_id: SetupIds.evaluationInput,
        options: vm.evaluationWeeks.map(weeksOption),
        initial_option: weeksOption(vm.evaluationWeeks.includes(vm.evaluationEveryWeeks) ? vm.evaluationEveryWeeks : 6),
      },
    },
    {
      type: 'input',
      block_id: SetupIds.reflectionBlock,
      label: plain(tr('setup.reflection'), Limits.label),
      element: {
        type: 'static_select',
        action_id: SetupIds.reflectionInput,
        options: REFLECTION.map(cadenceOption),
        initial_option: cadenceOption(vm.reflectionCadence),
      },
    },
    {
      type: 'input',
      block_id: SetupIds.startDateBlock,
      label: plain(tr('setup.start_date'), Limits.label),
      element: { type: 'datepicker', action_id: SetupIds.startDateInput, initial_date: vm.startDate },
    },
  ];
  return {
    type: 'modal',
    callback_id: SetupIds.view,
    title: plain(tr(vm.editing ? 'setup.title_edit' : 'setup.title'), Limits.modalTitle),
    submit: plain(tr('setup.submit'), Limits.modalTitle),
    close: plain(tr('common.cancel'), Limits.modalTitle),
    blocks,
  };
}
