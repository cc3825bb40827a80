import type { Feature } from '../../feature';
import { openLearn } from './open';
import { learnSubmission } from './submit';
import { LearnIds } from './views';

/** Step 7: the leader's learning log — `/followup learn` and its modal (shared to the team channel on request). */
export const learn = {
  name: 'learn',
  subcommands: { learn: openLearn },
  register(app, ctx) {
    app.view(LearnIds.view, learnSubmission(ctx));
  },
} satisfies Feature;
