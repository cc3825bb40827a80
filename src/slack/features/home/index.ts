import type { BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { HomeIds } from '../../ids';
import { fromAction, userIdsFrom } from '../../invocation';
import { publishHome } from '../../notify';
import { openGoal } from '../goal/open';
import { runSubcommand } from '../index';
import { openSetup } from '../setup/open';
import type { Feature } from '../types';

/** Card buttons carry an index (`_<n>`) so action ids stay unique within a view. */
const indexed = (base: string) => new RegExp(`^${base}(_\\d+)?$`);

/** App Home: its buttons (start, new goal, edit follow-up, a card's subcommands, pages). */
export const home = {
  name: 'home',
  register(app, ctx) {
    app.action<BlockAction<ButtonAction>>(HomeIds.setupButton, fromAction<ButtonAction>(ctx, (inv, _a, rctx) => openSetup(rctx, inv)));
    app.action<BlockAction<ButtonAction>>(indexed(HomeIds.newGoalButton), fromAction<ButtonAction>(ctx, (inv, action, rctx) => openGoal(rctx, { ...inv, userIds: userIdsFrom(action.value) })));
    app.action<BlockAction<ButtonAction>>(indexed(HomeIds.editFollowUpButton), fromAction<ButtonAction>(ctx, (inv, action, rctx) => openSetup(rctx, inv, action.value)));
    // A card button `home_run_<sub>_<n>` (value: the leader's user id).
    app.action<BlockAction<ButtonAction>>(HomeIds.runPattern, fromAction<ButtonAction>(ctx, (inv, action, rctx) => runSubcommand(rctx, inv, HomeIds.runPattern.exec(action.action_id)?.[1], action.value ?? '')));
    // A card's "More…" select: option value `<sub>|<leader user id>`.
    app.action<BlockAction<StaticSelectAction>>(
      HomeIds.morePattern,
      fromAction<StaticSelectAction>(ctx, (inv, action, rctx) => {
        const [sub, userId] = (action.selected_option?.value ?? '').split('|');
        return runSubcommand(rctx, inv, sub, userId ?? '');
      }),
    );
    // "Show more" / "Previous" on a senior leader's Home: publishes that page (one views.publish).
    const page = fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
      const n = Number.parseInt(action.value ?? '0', 10);
      await publishHome(rctx, inv.actor, Number.isFinite(n) && n >= 0 && n < 1000 ? n : 0);
    });
    app.action<BlockAction<ButtonAction>>(HomeIds.pageButton, page);
    app.action<BlockAction<ButtonAction>>(HomeIds.prevPageButton, page);
  },
} satisfies Feature;
