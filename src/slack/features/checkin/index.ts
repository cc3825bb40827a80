import type { BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { actionPattern } from '../../ids';
import { fromAction, idFrom } from '../../invocation';
import type { Feature } from '../../feature';
import { checkInForm } from './fields';
import { checkInGoalChosen, openCheckIn } from './open';
import { checkInSubmission } from './submit';
import { CheckInIds } from './views';

/** Progress on a goal (`/followup checkin`), and "Log check-in" on the other person's notice. */
export const checkin = {
  name: 'checkin',
  subcommands: { checkin: (ctx, inv) => openCheckIn(ctx, inv) },
  register(app, ctx) {
    app.view(CheckInIds.view, checkInSubmission(ctx));
    // Buttons repeated per row carry an index (`<id>_<n>`): match the id with or without it.
    app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(CheckInIds.logButton) }, fromAction<ButtonAction>(ctx, (inv, action, rctx) => openCheckIn(rctx, inv, idFrom(action))));
    app.action<BlockAction<StaticSelectAction>>(checkInForm.ids.goal.action, checkInGoalChosen(ctx));
  },
} satisfies Feature;
