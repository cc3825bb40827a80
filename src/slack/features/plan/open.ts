import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { nameOf } from '../../blocks';
import { planModal } from './views';

/**
 * Opens the plan modal. The leader is the mentioned person, the only leader the invoker follows
 * up, or the invoker when they are a leader; the barrier list comes from that follow-up.
 */
export async function openPlan(ctx: AppContext, inv: Invocation): Promise<void> {
  const leaderUserId = await ctx.services.followUps.leaderToPrefill(inv.actor, inv.userIds[0] ?? null);
  const barriers = leaderUserId ? await ctx.services.plans.barriersFor(inv.actor, leaderUserId) : [];
  const view = planModal(inv.tr, {
    leaderUserId,
    owner: 'leader',
    today: ctx.services.followUps.today(inv.actor),
    barriers: barriers.map((b) => ({ id: b.id, description: b.description })),
    choices: (await ctx.services.followUps.leaderChoices(inv.actor)).map((c) => ({ followUpId: c.followUpId, seniorName: nameOf(c.senior) })),
  });
  await ctx.web.views.open({ trigger_id: inv.triggerId, view });
}
