import { modalView } from '../../form/modal';
import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../../i18n';
import { channelMention, context, esc, option, section, truncate, userMention, type Message } from '../../blocks';

import { LEARN_FIELDS, learnForm } from './fields';

export const LearnIds = { view: 'learn_view' } as const;

/** The learning modal. Sharing to the team channel is opt-in (unticked by default). */
export function learnModal(
  tr: Translate,
  vm: { followUpId: string | null; teamChannelId: string | null; choices?: { followUpId: string; seniorName: string }[] },
): ModalView {
  // A leader with several follow-ups chooses which one (no follow-up is chosen for them).
  const choose = !vm.followUpId && (vm.choices?.length ?? 0) > 1;
  const blocks: KnownBlock[] = [
    context(tr('learn.intro')),
    ...(vm.teamChannelId && !choose ? [context(tr('learn.channel_is', { channel: channelMention(vm.teamChannelId) }))] : []),
    ...learnForm.blocks(
      tr,
      {
        followUpId: { options: (vm.choices ?? []).map((c) => option(truncate(tr('followup.choice', { senior: c.seniorName }), 75), c.followUpId)) },
        share: { hint: vm.teamChannelId || choose ? tr('learn.share_hint') : tr('learn.share_hint_no_channel') },
      },
      choose ? ['followUpId', ...LEARN_FIELDS] : [...LEARN_FIELDS],
    ),
  ];
  return modalView(tr, {
    callbackId: LearnIds.view,
    title: 'learn.title',
    privateMetadata: { f: vm.followUpId ?? '' },
    blocks,
  });
}

/** A learning shared to the team channel, in the author's language. */
export function sharedLearningMessage(tr: Translate, authorUserId: string, learning: { whatHappened: string; learned: string; nextExperiment: string | null }): Message {
  const text = tr('learn.shared_header', { author: userMention(authorUserId) });
  const lines = [text, `*${tr('learn.what')}*\n${esc(truncate(learning.whatHappened, 900))}`, `*${tr('learn.learned')}*\n${esc(truncate(learning.learned, 900))}`];
  if (learning.nextExperiment) lines.push(`*${tr('learn.next')}*\n${esc(truncate(learning.nextExperiment, 900))}`);
  return { text, blocks: lines.map((l) => section(l)) };
}
