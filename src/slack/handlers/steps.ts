import type { FollowUpWithPeople } from '../../data/followups';
import type { AppContext } from '../context';
import { ConversationIds, ReflectIds } from '../ids';
import type { Invocation } from '../invocation';
import { textMessage } from '../blocks';
import { addQuestionModal, conversationModal, developModal, feedbackModal, followUpPickerMessage, questionsMessage, reflectModal } from '../views/steps';

/** `/followup conversation [@person]`: the follow-up is the mentioned one, the only one, or chosen by button. */
export async function openConversation(ctx: AppContext, inv: Invocation, followUpId: string | null = null): Promise<void> {
  if (!followUpId) {
    let mine = await ctx.services.followUps.listForActor(inv.actor);
    const mention = inv.userIds[0];
    if (mention) mine = mine.filter((f) => f.leader.slackUserId === mention || f.senior.slackUserId === mention);
    if (mine.length === 0) return inv.reply(textMessage(inv.tr('conversation.no_followup')));
    if (mine.length > 1) {
      const other = (f: FollowUpWithPeople) => (f.seniorId === inv.actor.person.id ? f.leader.slackUserId : f.senior.slackUserId);
      return inv.reply(
        followUpPickerMessage(inv.tr, inv.tr('conversation.choose'), ConversationIds.pickButton, mine.map((f) => ({ followUpId: f.id, otherUserId: other(f) }))),
      );
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

/** `/followup feedback @person`. */
export async function openFeedback(ctx: AppContext, inv: Invocation): Promise<void> {
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: feedbackModal(inv.tr, inv.userIds[0] ?? null) });
}

/** `/followup develop [@leader]`: pre-filled like the goal modal. */
export async function openDevelop(ctx: AppContext, inv: Invocation): Promise<void> {
  let leaderUserId = inv.userIds[0] ?? null;
  if (!leaderUserId) {
    const mine = await ctx.services.followUps.listForActor(inv.actor);
    const asSenior = mine.filter((f) => f.seniorId === inv.actor.person.id);
    if (asSenior.length === 1) leaderUserId = asSenior[0].leader.slackUserId;
    else if (asSenior.length === 0 && mine.some((f) => f.leaderId === inv.actor.person.id)) leaderUserId = inv.actor.person.slackUserId;
  }
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: developModal(inv.tr, leaderUserId) });
}

/** `/followup reflect [@senior]`: for a leader; prompts rotate from the question bank. */
export async function openReflect(ctx: AppContext, inv: Invocation, followUpId: string | null = null): Promise<void> {
  if (!followUpId) {
    let mine = (await ctx.services.followUps.listForActor(inv.actor)).filter((f) => f.leaderId === inv.actor.person.id);
    if (mine.length === 0) return inv.reply(textMessage(inv.tr('reflect.not_leader')));
    const mention = inv.userIds[0];
    if (mention && mine.some((f) => f.senior.slackUserId === mention)) mine = mine.filter((f) => f.senior.slackUserId === mention);
    if (mine.length > 1) {
      return inv.reply(followUpPickerMessage(inv.tr, inv.tr('reflect.choose'), ReflectIds.openButton, mine.map((f) => ({ followUpId: f.id, otherUserId: f.senior.slackUserId }))));
    }
    followUpId = mine[0].id;
  }
  const followUp = await ctx.services.reflections.followUpAsLeader(inv.actor, followUpId);
  const prompts = await ctx.services.reflections.nextPrompts(inv.actor);
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: reflectModal(inv.tr, { followUpId: followUp.id, seniorUserId: followUp.senior.slackUserId, prompts }) });
}

/** `/followup questions`: the bank; `/followup questions add` (admins) adds one. */
export async function openQuestions(ctx: AppContext, inv: Invocation): Promise<void> {
  if (/^(add|new|legg|ny)\b/i.test(inv.rest)) return openAddQuestion(ctx, inv);
  const bank = await ctx.services.questions.bank(inv.actor.teamId, inv.actor.locale);
  await inv.reply(questionsMessage(inv.tr, bank, inv.actor.person.isAdmin));
}

export async function openAddQuestion(ctx: AppContext, inv: Invocation): Promise<void> {
  if (!inv.actor.person.isAdmin) return inv.reply(textMessage(inv.tr('questions.admin_only')));
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: addQuestionModal(inv.tr) });
}
