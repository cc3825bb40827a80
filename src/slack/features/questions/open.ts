import { textMessage } from '../../blocks';
import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { addQuestionModal, questionsMessage } from './views';

/** `/followup questions`: the bank; `/followup questions add` (admins) adds one. */
export async function openQuestions(ctx: AppContext, inv: Invocation): Promise<void> {
  if (/^(add|new|legg|ny)\b/i.test(inv.rest)) return openAddQuestion(ctx, inv);
  const bank = await ctx.services.questions.bank(inv.actor.teamId, inv.actor.locale);
  await inv.reply(questionsMessage(inv.tr, bank, inv.actor.person.isAdmin));
}

/** The "add a question" modal: admins only; others get a clear refusal. */
export async function openAddQuestion(ctx: AppContext, inv: Invocation): Promise<void> {
  if (!inv.actor.person.isAdmin) return inv.reply(textMessage(inv.tr('questions.admin_only')));
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: addQuestionModal(inv.tr) });
}
