import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { nameOf, textMessage } from '../../blocks';
import { milestoneModal } from './views';

/** `/followup milestone [@leader]`: choose an open milestone and mark it done. */
export async function openMilestone(ctx: AppContext, inv: Invocation): Promise<void> {
  const open = await ctx.services.milestones.openForActor(inv.actor, inv.userIds[0] ?? null);
  if (open.length === 0) return inv.reply(textMessage(inv.tr('milestone.none_open')));
  const choices = open.map((o) => ({ id: o.milestone.id, title: o.milestone.title, goalTitle: o.goal.title, leaderName: nameOf(o.followUp.leader) }));
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: milestoneModal(inv.tr, choices, choices.length === 1 ? choices[0].id : null) });
}
