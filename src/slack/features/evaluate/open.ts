import { progressOf } from '../../../domain/goals/progress';
import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { evaluateModal } from './views';
import { readerDates } from '../../dates';
import { dateToDay } from '../../../time/dates';

/** `/followup evaluate @leader`: the senior leader's evaluation modal for each open goal. */
export async function openEvaluate(ctx: AppContext, inv: Invocation): Promise<void> {
  const draft = await ctx.services.evaluations.prepare(inv.actor, inv.userIds[0] ?? null);
  const view = evaluateModal(inv.tr, {
    followUpId: draft.followUp.id,
    leaderUserId: draft.followUp.leader.slackUserId,
    goals: draft.goals.map((g) => ({
      id: g.id,
      title: g.title,
      progress: progressOf(g),
      metricUnit: g.metricUnit,
      baseline: g.baseline,
      target: g.target,
      targetDate: g.targetDate ? dateToDay(g.targetDate) : null,
    })),
    hiddenGoals: draft.hiddenGoals,
    defaultNext: draft.defaultNext,
    locale: inv.actor.locale,
    dates: readerDates(ctx, inv.actor),
  });
  await ctx.web.views.open({ trigger_id: inv.triggerId, view });
}
