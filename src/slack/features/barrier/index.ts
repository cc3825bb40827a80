import type { BlockAction, OverflowAction } from '@slack/bolt';
import type { Feature } from '../types';
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
  },
} satisfies Feature;
