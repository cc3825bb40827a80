import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { learnModal } from './views';
import { nameOf } from '../../blocks';

/** `/followup learn`: the leader's learning log. */
export async function openLearn(ctx: AppContext, inv: Invocation): Promise<void> {
  const mine = await ctx.services.learnings.prepare(inv.actor);
  const view =
    mine.length === 1
      ? learnModal(inv.tr, { followUpId: mine[0].id, teamChannelId: mine[0].teamChannelId })
      : learnModal(inv.tr, { followUpId: null, teamChannelId: null, choices: mine.map((f) => ({ followUpId: f.id, seniorName: nameOf(f.senior) })) });
  await ctx.web.views.open({ trigger_id: inv.triggerId, view });
}
