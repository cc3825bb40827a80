import type { BlockAction, ButtonAction } from '@slack/bolt';
import { NotFoundError } from '../../../domain/errors';
import { DEVELOPMENT_STATUSES, RECORD_ID, type DevelopmentStatus } from '../../../domain/vocabulary';
import { esc, textMessage, truncate } from '../../blocks';
import { actionPattern } from '../../ids';
import { fromAction } from '../../invocation';
import type { Feature } from '../../feature';
import { DevelopIds } from './fields';
import { developSubmission } from './submit';
import { developModal } from './views';

const isStatus = (s: string): s is DevelopmentStatus => (DEVELOPMENT_STATUSES as readonly string[]).includes(s);

/** Step 3: development activities — `/followup develop [@leader]` (pre-filled like the goal modal), and its status buttons. */
export const develop = {
  name: 'develop',
  subcommands: {
    develop: async (ctx, inv) => {
      const leaderUserId = await ctx.services.followUps.leaderToPrefill(inv.actor, inv.userIds[0] ?? null);
      await ctx.web.views.open({ trigger_id: inv.triggerId, view: developModal(inv.tr, leaderUserId) });
    },
  },
  register(app, ctx) {
    app.view(DevelopIds.view, developSubmission(ctx));
    // "Mark as in progress / completed / cancelled" (either person of the follow-up); value `<id>.<STATUS>`.
    app.action<BlockAction<ButtonAction>>(
      { action_id: actionPattern(DevelopIds.statusButton) },
      fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
        const [id, status] = (action.value ?? '').split('.');
        if (!RECORD_ID.test(id ?? '') || !isStatus(status ?? '')) throw new NotFoundError('development activity');
        const activity = await rctx.services.development.setStatus(inv.actor, id, status as DevelopmentStatus);
        await inv.reply(textMessage(inv.tr('develop.status_changed', { title: esc(truncate(activity.title, 150)), status: inv.tr(`develop.status.${activity.status}`) })));
      }),
    );
  },
} satisfies Feature;
