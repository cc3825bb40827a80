import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../i18n';
import { LearnIds } from '../ids';
import { channelMention, context, Limits, option, plain } from '../blocks';
import { textInput } from '../form/inputs';

export const LearnFieldMax = { what: 2000, learned: 2000, next: 1000 } as const;

/** The learning modal. Sharing to the team channel is opt-in (unticked by default). */
export function learnModal(tr: Translate, vm: { followUpId: string; teamChannelId: string | null }): ModalView {
  const shareOption = option(tr('learn.share_option'), 'share');
  const blocks: KnownBlock[] = [
    context(tr('learn.intro')),
    textInput(LearnIds.whatBlock, LearnIds.whatInput, tr('learn.what'), { multiline: true, max: LearnFieldMax.what, placeholder: tr('learn.what_placeholder') }),
    textInput(LearnIds.learnedBlock, LearnIds.learnedInput, tr('learn.learned'), { multiline: true, max: LearnFieldMax.learned }),
    textInput(LearnIds.nextBlock, LearnIds.nextInput, tr('learn.next'), { optional: true, multiline: true, max: LearnFieldMax.next }),
    {
      type: 'input',
      block_id: LearnIds.shareBlock,
      optional: true,
      label: plain(tr('learn.share'), Limits.label),
      hint: plain(vm.teamChannelId ? tr('learn.share_hint') : tr('learn.share_hint_no_channel'), Limits.label),
      element: { type: 'checkboxes', action_id: LearnIds.shareInput, options: [shareOption] },
    },
  ];
  if (vm.teamChannelId) blocks.splice(1, 0, context(tr('learn.channel_is', { channel: channelMention(vm.teamChannelId) })));
  return {
    type: 'modal',
    callback_id: LearnIds.view,
    title: plain(tr('learn.title'), Limits.modalTitle),
    submit: plain(tr('common.save'), Limits.modalTitle),
    close: plain(tr('common.cancel'), Limits.modalTitle),
    private_metadata: JSON.stringify({ f: vm.followUpId }),
    blocks,
  };
}
