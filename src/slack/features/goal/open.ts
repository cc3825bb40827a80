import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { esc, nameOf, textMessage, truncate } from '../../blocks';
import { dateToDay } from '../../../time/dates';
import { goalEditListMessage, goalEditModal, goalModal } from './views';

/**
 * `/followup goal [@leader]`: the goal modal, its leader pre-filled. `/followup goal edit` lists the
 * goals to edit instead.
 */
export async function openGoal(ctx: AppContext, inv: Invocation): Promise<void> {
  if (/^(edit|endre|rediger)\b/i.test(inv.rest)) return listGoalsToEdit(ctx, inv);
  const leaderUserId = await ctx.services.followUps.leaderToPrefill(inv.actor, inv.userIds[0] ?? null);
  const choices = (await ctx.services.followUps.leaderChoices(inv.actor)).map((c) => ({ followUpId: c.followUpId, seniorName: nameOf(c.senior) }));
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: goalModal(inv.tr, { leaderUserId, choices }) });
}

/** The edit modal of one goal (target, date, criteria, and why). */
export async function openGoalEdit(ctx: AppContext, inv: Invocation, goalId: string): Promise<void> {
  const goal = await ctx.services.goals.getVisible(inv.actor, goalId);
  const revision = await ctx.services.goals.revisionOf(inv.actor, goal.id);
  await ctx.web.views.open({
    trigger_id: inv.triggerId,
    view: goalEditModal(inv.tr, {
      locale: inv.actor.locale,
      goalId: goal.id,
      title: goal.title,
      hasMetric: goal.baseline !== null,
      unit: goal.metricUnit,
      target: goal.target,
      targetDate: goal.targetDate ? dateToDay(goal.targetDate) : null,
      qualitativeCriteria: goal.qualitativeCriteria,
      revision,
    }),
  });
}

/** `/followup goal edit [@leader]`: one goal opens at once, several are listed with an "Edit" button each. */
export async function listGoalsToEdit(ctx: AppContext, inv: Invocation): Promise<void> {
  const goals = await ctx.services.goals.visibleGoals(inv.actor, { leaderUserId: inv.userIds[0] ?? null, activeOnly: true });
  if (goals.length === 1) return openGoalEdit(ctx, inv, goals[0].goal.id);
  await inv.reply(goalEditListMessage(inv.tr, goals.map((g) => ({ id: g.goal.id, title: g.goal.title, leaderName: nameOf(g.followUp.leader) }))));
}

/**
 * "Mark achieved" (offered when a check-in reached the target): one click marks the goal achieved;
 * the result carries goalAchieved, which the runner publishes (the celebration follows). A second
 * click, or the other person's, changes nothing and says the same.
 */
export async function markGoalAchieved(ctx: AppContext, inv: Invocation, goalId: string) {
  const result = await ctx.services.goals.markAchieved(inv.actor, goalId);
  await inv.reply(textMessage(inv.tr('goal.marked_achieved', { title: esc(truncate(result.goal.title, 150)) })));
  return result;
}
