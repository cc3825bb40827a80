import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { barrierModal } from './views';

/** `/followup barrier [@leader]`: pre-fills the leader like the goal modal does. */
export async function openBarrier(ctx: AppContext, inv: Invocation): Promise<void> {
  const leaderUserId = await ctx.services.followUps.leaderToPrefill(inv.actor, inv.userIds[0] ?? null);
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: barrierModal(inv.tr, { leaderUserId }) });
}
