import type { Feature } from '../../feature';
import { openEvaluate } from './open';
import { evaluateSubmission } from './submit';
import { EvaluateIds } from './views';

/** Step 4: the evaluation — `/followup evaluate @leader`, a reminder's "Record evaluation", the Home card. */
export const evaluate = {
  name: 'evaluate',
  subcommands: { evaluate: openEvaluate },
  register(app, ctx) {
    app.view(EvaluateIds.view, evaluateSubmission(ctx));
  },
} satisfies Feature;
