import type { BlockAction, ButtonAction } from '@slack/bolt';
import { actionPattern } from '../../ids';
import { fromAction, idFrom } from '../../invocation';
import type { Feature } from '../../feature';
import { ConversationIds } from './fields';
import { openConversation } from './open';
import { conversationSubmission } from './submit';

/** Step 2: one-to-ones — `/followup conversation [@person]`, its follow-up picker, its modal. */
export const conversation = {
  name: 'conversation',
  subcommands: { conversation: (ctx, inv) => openConversation(ctx, inv) },
  register(app, ctx) {
    app.view(ConversationIds.view, conversationSubmission(ctx));
    // The picker of `/followup conversation` (several follow-ups): value = follow-up id.
    app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(ConversationIds.pickButton) }, fromAction<ButtonAction>(ctx, (inv, action, rctx) => openConversation(rctx, inv, idFrom(action))));
  },
} satisfies Feature;
