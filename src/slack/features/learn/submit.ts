import type { SavedLearning } from '../../../domain/learnings';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { submitHandler } from '../../form/submit';
import { idIn, parseMetadata } from '../../form/metadata';
import { slackErrorCode } from '../../gateway';
import { dm } from '../../notify';
import { channelMention, textMessage } from '../../blocks';
import { LEARN_FIELDS, learnForm } from './fields';
import { sharedLearningMessage } from './views';

/** The learning modal: saves it; shares it to the team channel when the author ticked the box. */
export function learnSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: learnForm,
    fallback: 'what',
    // The follow-up chooser is there only for a leader with several follow-ups.
    only: (values) => (values?.[learnForm.ids.followUpId.block] ? ['followUpId', ...LEARN_FIELDS] : [...LEARN_FIELDS]),
    read: (v, privateMetadata) => {
      const followUpId = v.followUpId ?? idIn(parseMetadata(privateMetadata), 'f');
      return followUpId ? { followUpId, whatHappened: v.what, learned: v.learned, nextExperiment: v.next, share: !!v.share?.includes('share') } : null;
    },
    save: (actor, input, sourceKey) => ctx.services.learnings.create(actor, input, sourceKey),
    after: async (rctx, actor, saved: SavedLearning) => {
      if (saved.duplicate) return;
      const tr = translator(actor.locale);
      const { learning, followUp } = saved;
      const channel = followUp.teamChannelId;
      if (!learning.sharedToChannel || !channel) {
        await dm(rctx, actor.person.slackUserId, textMessage(tr(channel ? 'learn.saved_private' : 'learn.saved_no_channel')));
        return;
      }
      // The whole team reads the channel: the team channel's language, not the author's (they are told in theirs).
      const shared = sharedLearningMessage(translator(saved.teamLocale), actor.person.slackUserId, learning);
      try {
        const res = await rctx.web.chat.postMessage({ channel, text: shared.text, blocks: shared.blocks, unfurl_links: false });
        if (res.ts) await rctx.services.learnings.recordShared(learning.id, res.ts, res.channel ?? channel);
        await dm(rctx, actor.person.slackUserId, textMessage(tr('learn.saved_shared', { channel: channelMention(channel) })));
      } catch (err) {
        rctx.logger.warn({ err, channel }, 'sharing a learning failed');
        const code = slackErrorCode(err);
        const key = code === 'not_in_channel' || code === 'channel_not_found' || code === 'is_archived' ? 'learn.share_failed_access' : 'learn.share_failed';
        await dm(rctx, actor.person.slackUserId, textMessage(tr(key, { channel: channelMention(channel) })));
      }
    },
  });
}
