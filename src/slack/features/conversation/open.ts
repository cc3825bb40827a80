import type { FollowUpWithPeople } from '../../../domain/followups';
import { textMessage } from '../../blocks';
import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { followUpPickerMessage } from '../shared/picker';
import { ConversationIds } from './fields';
import { conversationModal } from './views';

/** `/followup conversation [@person]`: the follow-up is the mentioned one, the only one, or chosen by button. */
export async function openConversation(ctx: AppContext, inv: Invocation, followUpId: string | null = null): Promise<void> {
  if (!followUpId) {
    let mine = await ctx.services.followUps.listForActor(inv.actor);
    const mention = inv.userIds[0];
    if (mention) mine = mine.filter((f) => f.leader.slackUserId === mention || f.senior.slackUserId === mention);
    if (mine.length === 0) return inv.reply(textMessage(inv.tr('conversation.no_followup')));
    if (mine.length > 1) {
      const other = (f: FollowUpWithPeople) => (f.seniorId === inv.actor.person.id ? f.leader.slackUserId : f.senior.slackUserId);
      return inv.reply(followUpPickerMessage(inv.tr, inv.tr('conversation.choose'), ConversationIds.pickButton, mine.map((f) => ({ followUpId: f.id, otherUserId: other(f) }))));
    }
    followUpId = mine[0].id;
  }
  const c = await ctx.services.conversations.context(inv.actor, followUpId);
  await ctx.web.views.open({
    trigger_id: inv.triggerId,
    view: conversationModal(inv.tr, {
      followUpId: c.followUp.id,
      seniorUserId: c.followUp.senior.slackUserId,
      leaderUserId: c.followUp.leader.slackUserId,
      today: c.today,
      questions: c.questions,
      preselected: c.preselected,
      openActions: c.openActions.map((a) => ({ id: a.id, what: a.what })),
    }),
  });
}
