import type { BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { HomeIds } from '../../ids';
import { fromAction, runSubcommand, teamOf, userIdsFrom } from '../../invocation';
import { publishHome } from './publish';
import { openGoal } from '../goal/open';
import { openSetup } from '../setup/open';
import type { Feature } from '../../feature';

/** Card buttons carry an index (`_<n>`) so action ids stay unique within a view. */
const indexed = (base: string) => new RegExp(`^${base}(_\\d+)?$`);

/** App Home: its buttons (start, new goal, edit follow-up, a card's subcommands, pages). */
export const home = {
  name: 'home',
  register(app, ctx, subcommands) {
    // App Home: rebuilt and published on every open (a retried event publishes the same view again).
    app.event('app_home_opened', async ({ event, body }) => {
      if (event.tab !== 'home') return;
      const teamId = teamOf(body);
      if (!teamId) return void ctx.logger.warn({ event: 'app_home_opened' }, 'event without a team id refused');
      try {
        const actor = await ctx.services.people.resolve(teamId, event.user);
        await publishHome(ctx, actor);
      } catch (err) {
        ctx.logger.error({ err, user: event.user }, 'App Home could not be published');
      }
    });
    app.action<BlockAction<ButtonAction>>(HomeIds.setupButton, fromAction<ButtonAction>(ctx, (inv, _a, rctx) => openSetup(rctx, inv)));
    app.action<BlockAction<ButtonAction>>(indexed(HomeIds.newGoalButton), fromAction<ButtonAction>(ctx, (inv, action, rctx) => openGoal(rctx, { ...inv, userIds: userIdsFrom(action.value) })));
    app.action<BlockAction<ButtonAction>>(indexed(HomeIds.editFollowUpButton), fromAction<ButtonAction>(ctx, (inv, action, rctx) => openSetup(rctx, inv, action.value)));
    // A card button `home_run_<sub>_<n>` (value: the leader's user id).
    app.action<BlockAction<ButtonAction>>(HomeIds.runPattern, fromAction<ButtonAction>(ctx, (inv, action, rctx) => runSubcommand(subcommands, rctx, inv, HomeIds.runPattern.exec(action.action_id)?.[1], action.value ?? '')));
    // A card's "More…" select: option value `<sub>|<leader user id>`.
    app.action<BlockAction<StaticSelectAction>>(
      HomeIds.morePattern,
      fromAction<StaticSelectAction>(ctx, (inv, action, rctx) => {
        const [sub, userId] = (action.selected_option?.value ?? '').split('|');
        return runSubcommand(subcommands, rctx, inv, sub, userId ?? '');
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
