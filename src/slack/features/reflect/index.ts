import type { BlockAction, ButtonAction } from '@slack/bolt';
import { actionPattern } from '../../ids';
import { fromAction, idFrom } from '../../invocation';
import type { Feature } from '../../feature';
import { ReflectIds } from './fields';
import { openReflect } from './open';
import { reflectSubmission } from './submit';

/** Step 3: reflection — `/followup reflect [@senior]`, "Write reflection" (picker, reminders), its modal. */
export const reflect = {
  name: 'reflect',
  subcommands: { reflect: (ctx, inv) => openReflect(ctx, inv) },
  register(app, ctx) {
    app.view(ReflectIds.view, reflectSubmission(ctx));
    app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(ReflectIds.openButton) }, fromAction<ButtonAction>(ctx, (inv, action, rctx) => openReflect(rctx, inv, idFrom(action))));
  },
} satisfies Feature;
