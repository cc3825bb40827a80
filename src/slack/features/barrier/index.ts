import type { BlockAction, ButtonAction, OverflowAction, StaticSelectAction } from '@slack/bolt';
import { barrierLinkActions, BarrierLinkIds } from './links';
import type { Feature } from '../../feature';
import { openBarrier } from './open';
import { barrierStatusMenu } from './status';
import { barrierSubmission } from './submit';
import { BarrierIds } from './views';

/** Barriers: `/followup barrier [@leader]`, its modal, and the status menu of a listed barrier. */
export const barrier = {
  name: 'barrier',
  subcommands: { barrier: openBarrier },
  register(app, ctx) {
    app.view(BarrierIds.view, barrierSubmission(ctx));
    app.action<BlockAction<OverflowAction>>(BarrierIds.statusMenuPattern, barrierStatusMenu(ctx));
    // The barrier ↔ actions modal: link an action (select), remove a link (button).
    const links = barrierLinkActions(ctx);
    app.action<BlockAction<StaticSelectAction>>(BarrierLinkIds.linkSelect, links.link);
    app.action<BlockAction<ButtonAction>>(BarrierLinkIds.unlinkPattern, links.unlink);
  },
} satisfies Feature;
