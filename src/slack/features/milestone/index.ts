import type { BlockAction, ButtonAction } from '@slack/bolt';
import { MilestoneIds, actionPattern } from '../../ids';
import { fromAction, idFrom } from '../../invocation';
import type { Feature } from '../../feature';
import { openMilestone } from './open';
import { afterMilestoneDone, milestoneSubmission } from './submit';
import { MilestoneViewIds } from './views';

/** Small wins: `/followup milestone`, and "Mark done" on a milestone wherever a message carries it. */
export const milestone = {
  name: 'milestone',
  subcommands: { milestone: openMilestone },
  register(app, ctx) {
    app.view(MilestoneViewIds.view, milestoneSubmission(ctx));
    // The same domain call as the modal; the runner publishes the result's events (the celebration).
    app.action<BlockAction<ButtonAction>>(
      { action_id: actionPattern(MilestoneIds.doneButton) },
      fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
        const done = await rctx.services.milestones.markDone(inv.actor, idFrom(action));
        await afterMilestoneDone(rctx, inv.actor, done);
        return done;
      }),
    );
  },
} satisfies Feature;
