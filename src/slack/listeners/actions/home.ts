import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import type { Subcommand } from '../../commandText';
import { SUBCOMMANDS } from '../../commandText';
import type { AppContext } from '../../context';
import { subcommandHandlers } from '../../handlers';
import { runErase } from '../../handlers/export';
import { openGoal } from '../../handlers/goal';
import { runInvocation } from '../../handlers/run';
import { openSetup } from '../../handlers/setup';
import type { Invocation } from '../../invocation';
import { dm } from '../../notify';
import { notBuiltMessage, type Message } from '../../views/help';

type ActionArgs<A extends ButtonAction | StaticSelectAction> = SlackActionMiddlewareArgs<BlockAction<A>> & AllMiddlewareArgs;

/** Runs `run` as the person who clicked, replying by ephemeral response when possible, else by DM. */
export function fromAction<A extends ButtonAction | StaticSelectAction>(
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
