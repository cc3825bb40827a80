import type { VisibleGoal } from '../../../domain/goals';
import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { checkInModal, milestoneModal, type CheckInGoalChoice } from './views';
import { textMessage } from '../../blocks';
import { nameOf } from '../../blocks';

export function checkInChoice(v: VisibleGoal): CheckInGoalChoice {
  return {
    id: v.goal.id,
    title: v.goal.title,
    leaderName: nameOf(v.followUp.leader),
    metricName: v.goal.metricName,
    unit: v.goal.metricUnit,
    baseline: v.goal.baseline,
    target: v.goal.target,
    current: v.goal.currentValue,
  };
}

/** `/followup checkin [@leader]`: the goals the person may see (a mention narrows to that leader). */
export async function openCheckIn(ctx: AppContext, inv: Invocation, goalId: string | null = null): Promise<void> {
  let goals: VisibleGoal[];
  if (goalId) {
    const goal = await ctx.services.goals.getVisible(inv.actor, goalId);
    if (goal.status !== 'ACTIVE') return inv.reply(textMessage(inv.tr('checkin.error_goal_closed')));
    goals = await ctx.services.goals.visibleGoals(inv.actor, { activeOnly: true });
  } else {
    goals = await ctx.services.goals.visibleGoals(inv.actor, { leaderUserId: inv.userIds[0] ?? null, activeOnly: true });
  }
  if (goals.length === 0) return inv.reply(textMessage(inv.tr('checkin.no_goals')));
  const selected = goalId ?? (goals.length === 1 ? goals[0].goal.id : null);
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: checkInModal(inv.tr, { locale: inv.actor.locale, goals: goals.map(checkInChoice), selectedGoalId: selected }) });
}

/** `/followup milestone [@leader]`: choose an open milestone and mark it done. */
export async function openMilestone(ctx: AppContext, inv: Invocation): Promise<void> {
  const open = await ctx.services.milestones.openForActor(inv.actor, inv.userIds[0] ?? null);
  if (open.length === 0) return inv.reply(textMessage(inv.tr('milestone.none_open')));
  const choices = open.map((o) => ({ id: o.milestone.id, title: o.milestone.title, goalTitle: o.goal.title, leaderName: nameOf(o.followUp.leader) }));
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: milestoneModal(inv.tr, choices, choices.length === 1 ? choices[0].id : null) });
}
