import { AdminUnconfirmedError, NotAllowedError } from '../../../domain/errors';
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

/**
 * The "add a question" modal: admins only, confirmed with Slack before it opens (fails closed:
 * when Slack cannot confirm, the runner says so); others get a clear refusal.
 */
export async function openAddQuestion(ctx: AppContext, inv: Invocation): Promise<void> {
  try {
    await ctx.services.people.confirmAdmin(inv.actor);
  } catch (err) {
    if (err instanceof NotAllowedError && !(err instanceof AdminUnconfirmedError)) return inv.reply(textMessage(inv.tr('questions.admin_only')));
    throw err;
  }
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: addQuestionModal(inv.tr) });
}
