import type { ButtonAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { runErase } from '../../handlers/export';
import { fromAction } from '../../invocation';
import { SLACK_USER_ID } from '../../../domain/vocabulary';

/** An admin confirmed erasing a person's data. */
export const exportErase = (ctx: AppContext) =>
  fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
    if (!action.value || !SLACK_USER_ID.test(action.value)) return;
    await runErase(rctx, inv, action.value);
  });
