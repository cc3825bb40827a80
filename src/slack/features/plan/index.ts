import type { Feature } from '../../feature';
import { openPlan } from './open';
import { planSubmission } from './submit';
import { PlanIds } from './views';

/** Step 5: the follow-up plan — `/followup plan [@leader]` and its modal (an action item). */
export const plan = {
  name: 'plan',
  subcommands: { plan: openPlan },
  register(app, ctx) {
    app.view(PlanIds.view, planSubmission(ctx));
  },
} satisfies Feature;
