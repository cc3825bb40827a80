import type { VisibleGoal } from '../../../domain/goals';
import { RECORD_ID } from '../../../domain/vocabulary';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { forRequest, type ActionArgs, type Invocation } from '../../invocation';
import { nameOf, textMessage } from '../../blocks';
import type { StaticSelectAction } from '@slack/bolt';
import { checkInModal, type CheckInGoalChoice } from './views';

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

/**
 * `/followup checkin [@leader]`: the goals the person may see (a mention narrows to that leader).
 * With `goalId` ("Log check-in" on a notice), that goal is chosen.
 */
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

/** A goal chosen in the check-in modal: redraw it so the value field shows that goal's unit and measure. */
export const checkInGoalChosen =
  (ctx: AppContext) =>
  async ({ ack, body, action, client }: ActionArgs<StaticSelectAction>): Promise<void> => {
    await ack();
    const view = body.view;
    const goalId = action.selected_option?.value ?? '';
    if (!view || !RECORD_ID.test(goalId)) return;
    try {
      const actor = await ctx.services.people.resolve(body.team?.id ?? body.user.team_id ?? '', body.user.id, { refresh: 'never' });
      const goals = await ctx.services.goals.visibleGoals(actor, { activeOnly: true });
      if (!goals.some((g) => g.goal.id === goalId)) return; // not theirs: the submission will say so
      const modal = checkInModal(translator(actor.locale), { locale: actor.locale, goals: goals.map(checkInChoice), selectedGoalId: goalId });
      await forRequest(ctx, client).web.views.update({ view_id: view.id, hash: view.hash, view: modal });
    } catch (err) {
      ctx.logger.warn({ err }, 'check-in modal could not be updated');
    }
  };
