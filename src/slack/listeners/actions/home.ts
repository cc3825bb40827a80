import type { AllMiddlewareArgs, BlockAction, ButtonAction, OverflowAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import type { Subcommand } from '../../commandText';
import { SUBCOMMANDS } from '../../commandText';
import type { AppContext } from '../../context';
import { subcommandHandlers } from '../../handlers';
import { runErase } from '../../handlers/export';
import { openGoal } from '../../handlers/goal';
import { runInvocation } from '../../handlers/run';
import { openSetup } from '../../handlers/setup';
import type { Invocation } from '../../invocation';
import { HomeIds } from '../../ids';
import { dm, publishHome } from '../../notify';
import { notBuiltMessage, type Message } from '../../views/help';

type AnyAction = ButtonAction | StaticSelectAction | OverflowAction;
type ActionArgs<A extends AnyAction> = SlackActionMiddlewareArgs<BlockAction<A>> & AllMiddlewareArgs;

/** Runs `run` as the person who clicked, replying by ephemeral response when possible, else by DM. */
export function fromAction<A extends AnyAction>(
  ctx: AppContext,
  run: (inv: Invocation, action: A) => Promise<void>,
) {
  return async ({ ack, body, action, respond }: ActionArgs<A>): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const reply = async (message: Message) => {
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks as never });
      else await dm(ctx, body.user.id, message);
    };
    await runInvocation(ctx, {
      teamId,
      userId: body.user.id,
      triggerId: body.trigger_id,
      userIds: [],
      channelIds: [],
      rest: '',
      reply,
      run: (inv) => run(inv, action),
    });
  };
}

export const homeSetup = (ctx: AppContext) => fromAction<ButtonAction>(ctx, (inv) => openSetup(ctx, inv));

const USER_ID = /^[UW][A-Z0-9]+$/;

/** Runs `/followup <sub> <@user>` as the clicker; "not available yet" for a subcommand not built. */
async function runSub(ctx: AppContext, inv: Invocation, sub: string | undefined, userId: string | undefined): Promise<void> {
  if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) return;
  const handler = subcommandHandlers[sub as Subcommand];
  if (!handler) return inv.reply(notBuiltMessage(inv.tr, sub));
  return handler(ctx, { ...inv, userIds: userId && USER_ID.test(userId) ? [userId] : [] });
}

/** A card button `home_run_<sub>_<n>` (value: the leader's user id). */
export const homeRun = (ctx: AppContext) =>
  fromAction<ButtonAction>(ctx, (inv, action) => runSub(ctx, inv, HomeIds.runPattern.exec(action.action_id)?.[1], action.value));

/** A card's "More…" select: option value `<sub>|<leader user id>`. */
export const homeMore = (ctx: AppContext) =>
  fromAction<StaticSelectAction>(ctx, (inv, action) => {
    const [sub, userId] = (action.selected_option?.value ?? '').split('|');
    return runSub(ctx, inv, sub, userId);
  });

/** "Show more" / "Previous" on a senior leader's Home: publishes that page (one views.publish). */
export const homePage = (ctx: AppContext) =>
  fromAction<ButtonAction>(ctx, async (inv, action) => {
    const page = Number.parseInt(action.value ?? '0', 10);
    await publishHome(ctx, inv.actor, Number.isFinite(page) && page >= 0 && page < 1000 ? page : 0);
  });

export const homeNewGoal = (ctx: AppContext) =>
  fromAction<ButtonAction>(ctx, (inv, action) => openGoal(ctx, { ...inv, userIds: action.value && /^[UW][A-Z0-9]+$/.test(action.value) ? [action.value] : [] }));

export const homeEditFollowUp = (ctx: AppContext) => fromAction<ButtonAction>(ctx, (inv, action) => openSetup(ctx, inv, action.value));

/** The menu of `/followup` alone: runs the chosen subcommand. */
export const menuSelect = (ctx: AppContext) =>
  fromAction<StaticSelectAction>(ctx, async (inv, action) => {
    const sub = action.selected_option?.value as Subcommand | undefined;
    if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) return;
    const handler = subcommandHandlers[sub];
    if (!handler) return inv.reply(notBuiltMessage(inv.tr, sub));
    return handler(ctx, inv);
  });

/** An admin confirmed erasing a person's data. */
export const exportErase = (ctx: AppContext) =>
  fromAction<ButtonAction>(ctx, async (inv, action) => {
    if (!action.value || !/^[UW][A-Z0-9]+$/.test(action.value)) return;
    await runErase(ctx, inv, action.value);
  });
