import type { ModalView } from '@slack/types';
import type { Translate } from '../../../i18n';
import { context, esc, section, userMention, type Message } from '../../blocks';
import { modalView } from '../../form/modal';
import { FeedbackIds, feedbackForm } from './fields';

/** Step 2: feedback in three parts — what works, what can improve, advice. */
export function feedbackModal(tr: Translate, receiverUserId: string | null): ModalView {
  return modalView(tr, {
    callbackId: FeedbackIds.view,
    title: 'feedback.title',
    submit: 'feedback.submit',
    blocks: [context(tr('feedback.intro')), ...feedbackForm.blocks(tr, { receiverUserId: { initial: receiverUserId } })],
  });
}

/** The DM to the receiver: the three parts in order, headings in the receiver's language. */
export function feedbackMessage(tr: Translate, giverUserId: string, parts: { works: string; improve: string; advice: string }): Message {
  const text = tr('feedback.received', { giver: userMention(giverUserId) });
  return {
    text,
    blocks: [
      section(text),
      context(tr('feedback.private_note')),
      section(`*${tr('feedback.works')}*`),
      section(esc(parts.works)),
      section(`*${tr('feedback.improve')}*`),
      section(esc(parts.improve)),
      section(`*${tr('feedback.advice')}*`),
      section(esc(parts.advice)),
    ],
  };
}
