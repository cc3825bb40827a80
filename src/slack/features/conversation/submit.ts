import { MAX_AGREED_ACTIONS, type LoggedConversation } from '../../../domain/conversations';
import { dateToDay } from '../../../time/dates';
import { readerDates } from '../../dates';
import { textMessage, userMention } from '../../blocks';
import type { AppContext } from '../../context';
import { numbers } from '../../form/fields';
import { idIn, parseMetadata } from '../../form/metadata';
import { submitHandler } from '../../form/submit';
import { confirmToPair, pairOf } from '../shared/pair';
import { conversationForm } from './fields';
import { conversationSavedText } from './views';

/**
 * The conversation modal: saves the one-to-one and its agreed actions (the service returns the
 * events that re-plan the conversation and action reminders); tells both people.
 */
export function conversationSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: conversationForm,
    fallback: 'heldOn',
    read: (v, privateMetadata) => {
      const followUpId = idIn(parseMetadata(privateMetadata), 'followUpId');
      if (!followUpId) return null;
      return {
        followUpId,
        heldOn: v.heldOn,
        questionKeys: v.questions ?? [],
        actionItemIds: v.openActions ?? [],
        notes: v.notes,
        actions: numbers(MAX_AGREED_ACTIONS).map((n) => ({ what: v[`action${n}`], dueDate: v[`actionDue${n}`] })),
      };
    },
    save: (actor, input, sourceKey) => ctx.services.conversations.log(actor, input, sourceKey),
    after: async (rctx, actor, r: LoggedConversation) => {
      if (r.duplicate) return;
      const { other } = pairOf(rctx, actor, r.followUp);
      const day = dateToDay(r.conversation.heldOn);
      const actions = r.conversation.actions.length;
      await confirmToPair(
        rctx,
        actor,
        r.followUp,
        (tr) => textMessage(conversationSavedText(tr, { other: userMention(other.person.slackUserId), date: readerDates(rctx, actor).day(day), actions })),
        (tr) => textMessage(tr('conversation.notice', { author: userMention(actor.person.slackUserId), date: readerDates(rctx, other).day(day), actions })),
      );
    },
  });
}
