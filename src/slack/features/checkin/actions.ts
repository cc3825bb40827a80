import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import { translator } from '../../../i18n';
import { checkInModal } from './views';
import type { AppContext } from '../../context';
import { checkInChoice, openCheckIn } from './open';
import { NotFoundError } from '../../../domain/errors';
import { RECORD_ID } from '../../../domain/vocabulary';
import { afterMilestoneDone } from './submit';
import { fromAction } from '../../invocation';

/** A record id from a button value; anything else (forged, truncated) is "not found". */
export function idFrom(action: ButtonAction): string {
  const value = action.value ?? '';
  if (!RECORD_ID.test(value)) throw new NotFoundError('button value');
  return value;
}

/** "Log check-in" on one goal (reminders, notices). */
export const checkInLogButton = (ctx: AppContext) => fromAction<ButtonAction>(ctx, (inv, action) => openCheckIn(ctx, inv, idFrom(action)));

/** "Mark done" on a milestone: the same domain call as the milestone modal. */
export const milestoneDoneButton = (ctx: AppContext) =>
  fromAction<ButtonAction>(ctx, async (inv, action) => {
    const done = await ctx.services.milestones.markDone(inv.actor, idFrom(action));
    await afterMilestoneDone(ctx, inv.actor, done);
  });

type SelectArgs = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

/** A goal chosen in the check-in modal: redraw it so the value field shows that goal's unit and measure. */
export const checkInGoalChosen = (ctx: AppContext) =>
  async ({ ack, body, action }: SelectArgs): Promise<void> => {
    await ack();
    const view = body.view;
    const goalId = action.selected_option?.value ?? '';
    if (!view || !RECORD_ID.test(goalId)) return;
    try {
      const actor = await ctx.services.people.resolve(body.team?.id ?? body.user.team_id ?? '', body.user.id, { refresh: 'never' });
      const goals = await ctx.services.goals.visibleGoals(actor, { activeOnly: true });
      if (!goals.some((g) => g.goal.id === goalId)) return; // not theirs: the submission will say so
      const modal = checkInModal(translator(actor.locale), { locale: actor.locale, goals: goals.map(checkInChoice), selectedGoalId: goalId });
      await ctx.web.views.update({ view_id: view.id, hash: view.hash, view: modal });
    } catch (err) {
      ctx.logger.warn({ err }, 'check-in modal could not be updated');
    }
  };
