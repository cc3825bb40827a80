import { modalView } from '../../form/modal';
import type { ModalView } from '@slack/types';
import { EVALUATION_WEEKS } from '../../../domain/followups';
import type { Cadence, LocaleCode } from '../../../domain/vocabulary';
import type { Translate } from '../../../i18n';
import type { IsoDay } from '../../../time/dates';
import { context, option } from '../../blocks';
import { ONE_TO_ONE_CADENCES, setupForm } from './fields';

export const SetupIds = { view: 'setup_view' } as const;

export interface SetupViewModel {
  editing: boolean;
  leaderUserId: string | null;
  teamChannelId: string | null;
  oneToOneCadence: Cadence;
  evaluationEveryWeeks: number;
  reflectionCadence: Cadence;
  startDate: IsoDay;
  /** The follow-up's team-channel language; null: the workspace's. */
  teamLocale: LocaleCode | null;
}

/** The modal that starts (or edits) a follow-up. */
export function setupModal(tr: Translate, vm: SetupViewModel): ModalView {
  const weeks = (EVALUATION_WEEKS as readonly number[]).includes(vm.evaluationEveryWeeks) ? vm.evaluationEveryWeeks : 6;
  return modalView(tr, {
    callbackId: SetupIds.view,
    title: vm.editing ? 'setup.title_edit' : 'setup.title',
    submit: 'setup.submit',
    blocks: [
      context(tr('setup.intro')),
      ...setupForm.blocks(tr, {
        leaderUserId: { initial: vm.leaderUserId },
        teamChannelId: { initial: vm.teamChannelId },
        // One-to-ones are offered without "none" (the form reads it, and the domain says why not).
        oneToOneCadence: {
          initial: vm.oneToOneCadence === 'NONE' ? 'BIWEEKLY' : vm.oneToOneCadence,
          options: ONE_TO_ONE_CADENCES.map((c) => option(tr(`setup.cadence.${c}`), c)),
        },
        evaluationEveryWeeks: { initial: String(weeks) },
        reflectionCadence: { initial: vm.reflectionCadence },
        startDate: { initial: vm.startDate },
        teamLocale: { initial: vm.teamLocale ?? 'default' },
      }),
    ],
  });
}
