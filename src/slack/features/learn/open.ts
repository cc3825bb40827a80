import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { learnModal } from './views';

/** `/followup learn`: the leader's learning log. */
export async function openLearn(ctx: AppContext, inv: Invocation): Promise<void> {
  const followUp = await ctx.services.learnings.prepare(inv.actor);
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: learnModal(inv.tr, { followUpId: followUp.id, teamChannelId: followUp.teamChannelId }) });
}
