import type { Feature } from '../../feature';
import { FeedbackIds } from './fields';
import { feedbackModal } from './views';
import { feedbackSubmission } from './submit';

/** Step 2: feedback — `/followup feedback @person` opens the modal; the receiver gets it by DM. */
export const feedback = {
  name: 'feedback',
  subcommands: {
    feedback: async (ctx, inv) => {
      await ctx.web.views.open({ trigger_id: inv.triggerId, view: feedbackModal(inv.tr, inv.userIds[0] ?? null) });
    },
  },
  register(app, ctx) {
    app.view(FeedbackIds.view, feedbackSubmission(ctx));
  },
} satisfies Feature;
