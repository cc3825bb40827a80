import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { barrierModal } from './views';
import { nameOf } from '../../blocks';

/** `/followup barrier [@leader]`: pre-fills the leader like the goal modal does. */
export async function openBarrier(ctx: AppContext, inv: Invocation): Promise<void> {
  const leaderUserId = await ctx.services.followUps.leaderToPrefill(inv.actor, inv.userIds[0] ?? null);
  // A leader with several follow-ups is asked which one (never silently the oldest).
  const choices = (await ctx.services.followUps.leaderChoices(inv.actor)).map((c) => ({ followUpId: c.followUpId, seniorName: nameOf(c.senior) }));
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: barrierModal(inv.tr, { leaderUserId, choices }) });
}
