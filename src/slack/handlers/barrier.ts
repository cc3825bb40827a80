import type { AppContext } from '../context';
import type { Invocation } from '../invocation';
import { barrierModal } from '../views/barrier';

/** `/followup barrier [@leader]`: pre-fills the leader like the goal modal does. */
export async function openBarrier(ctx: AppContext, inv: Invocation): Promise<void> {
  let leaderUserId = inv.userIds[0] ?? null;
  if (!leaderUserId) {
    const mine = await ctx.services.followUps.listForActor(inv.actor);
    const asSenior = mine.filter((f) => f.seniorId === inv.actor.person.id);
    if (mine.some((f) => f.leaderId === inv.actor.person.id) && asSenior.length === 0) leaderUserId = inv.actor.person.slackUserId;
    else if (asSenior.length === 1) leaderUserId = asSenior[0].leader.slackUserId;
  }
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: barrierModal(inv.tr, { leaderUserId }) });
}
