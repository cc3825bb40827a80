import { EVALUATION_WEEKS } from '../../../domain/followups';
import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { setupModal } from './views';
import { dateToDay } from '../../../time/dates';

/** Opens the follow-up modal; pre-filled from an existing follow-up of the mentioned leader. */
export async function openSetup(ctx: AppContext, inv: Invocation, followUpId?: string): Promise<void> {
  let leader = inv.userIds[0] ?? null;
  let existing = null;
  if (followUpId) {
    const found = await ctx.services.followUps.getForSenior(inv.actor, followUpId);
    leader = found.leader.slackUserId;
    existing = found;
  } else if (leader) {
    existing = await ctx.services.followUps.findAsSenior(inv.actor, leader);
  }
  const view = setupModal(inv.tr, {
    editing: !!existing,
    leaderUserId: leader,
    teamChannelId: existing?.teamChannelId ?? inv.channelIds[0] ?? null,
    oneToOneCadence: existing?.oneToOneCadence ?? 'BIWEEKLY',
    evaluationEveryWeeks: existing?.evaluationEveryWeeks ?? 6,
    reflectionCadence: existing?.reflectionCadence ?? 'BIWEEKLY',
    startDate: existing ? dateToDay(existing.startDate) : ctx.services.followUps.today(inv.actor),
    evaluationWeeks: EVALUATION_WEEKS,
  });
  await ctx.web.views.open({ trigger_id: inv.triggerId, view });
}
