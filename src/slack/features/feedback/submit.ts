import type { GivenFeedback } from '../../../domain/feedback';
import { translator } from '../../../i18n';
import { textMessage, userMention } from '../../blocks';
import type { AppContext } from '../../context';
import { submitHandler } from '../../form/submit';
import { dm } from '../../notify';
import { feedbackForm } from './fields';
import { feedbackMessage } from './views';

/** The feedback modal: saves it, DMs it to the receiver in their language, tells the giver whether it arrived. */
export function feedbackSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: feedbackForm,
    fallback: 'receiverUserId',
    read: (v) => ({ receiverUserId: v.receiverUserId, works: v.works, improve: v.improve, advice: v.advice }),
    save: (actor, input, sourceKey) => ctx.services.feedback.give(actor, input, sourceKey),
    after: async (rctx, actor, r: GivenFeedback) => {
      if (r.duplicate) return;
      const receiver = rctx.services.people.toActor(r.receiver);
      const message = feedbackMessage(translator(receiver.locale), actor.person.slackUserId, r.feedback);
      const tr = translator(actor.locale);
      try {
        const res = await rctx.web.chat.postMessage({ channel: receiver.person.slackUserId, text: message.text, blocks: message.blocks, unfurl_links: false });
        if (res.ts) await rctx.services.feedback.delivered(r.feedback.id, res.ts, res.channel ?? null);
        await dm(rctx, actor.person.slackUserId, textMessage(tr('feedback.sent', { receiver: userMention(receiver.person.slackUserId) })));
      } catch (err) {
        rctx.logger.warn({ err }, 'feedback could not be delivered');
        await dm(rctx, actor.person.slackUserId, textMessage(tr('feedback.not_delivered', { receiver: userMention(receiver.person.slackUserId) })));
      }
    },
  });
}
