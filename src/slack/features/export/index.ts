import type { BlockAction, ButtonAction } from '@slack/bolt';
import { SLACK_USER_ID } from '../../../domain/vocabulary';
import { fromAction } from '../../invocation';
import type { Feature } from '../../feature';
import { runErase, runExport } from './run';
import { ExportIds } from './views';

/** `/followup export [@person]` (a person's data, to that person) and the admin's "erase" button. */
export const exportFeature = {
  name: 'export',
  subcommands: { export: runExport },
  register(app, ctx) {
    // An admin confirmed erasing a person's data (value: their user id).
    app.action<BlockAction<ButtonAction>>(
      ExportIds.eraseButton,
      fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
        if (!action.value || !SLACK_USER_ID.test(action.value)) return;
        return runErase(rctx, inv, action.value);
      }),
    );
  },
} satisfies Feature;
