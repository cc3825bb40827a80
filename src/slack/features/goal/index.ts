import type { BlockAction, ButtonAction } from '@slack/bolt';
import { actionPattern, GoalEditIds } from '../../ids';
import { fromAction, idFrom } from '../../invocation';
import type { Feature } from '../../feature';
import { markGoalAchieved, openGoal, openGoalEdit } from './open';
import { goalEditSubmission, goalSubmission } from './submit';
import { GoalIds } from './views';

/** Step 1: goals — create (`/followup goal`), list to edit (`goal edit`), edit with a reason. */
export const goal = {
  name: 'goal',
  subcommands: { goal: openGoal },
  register(app, ctx) {
    app.view(GoalIds.view, goalSubmission(ctx));
    app.view(GoalEditIds.view, goalEditSubmission(ctx));
    app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(GoalEditIds.editButton) }, fromAction<ButtonAction>(ctx, (inv, action, rctx) => openGoalEdit(rctx, inv, idFrom(action))));
    app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(GoalEditIds.markAchievedButton) }, fromAction<ButtonAction>(ctx, (inv, action, rctx) => markGoalAchieved(rctx, inv, idFrom(action))));
  },
} satisfies Feature;
