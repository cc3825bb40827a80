import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { dateToDay } from '../../../time/dates';
import { setupModal } from './views';

/**
 * `/followup setup [@leader]` and App Home's "Start" / "Edit follow-up": the follow-up modal,
 * pre-filled from the actor's follow-up of that leader when there is one.
 */
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
    teamLocale: existing?.teamLocale ?? null,
  });
  await ctx.web.views.open({ trigger_id: inv.triggerId, view });
}
