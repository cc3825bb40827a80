import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommandText } from '../commandText';
import type { AppContext } from '../context';
import { subcommandHandlers } from '../features';
import { Commands } from '../ids';
import { forRequest, runInvocation } from '../invocation';
import { helpMessage, menuMessage } from '../features/help/views';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/followup [sub] [@person] [#channel]`: ack at once, then answer or open a modal. */
export function followupCommand(ctx: AppContext) {
  return async ({ command, ack, respond, client }: Args): Promise<void> => {
    await ack();
    const rctx = forRequest(ctx, client);
    const parsed = parseCommandText(command.text);
    await runInvocation(rctx, {
      teamId: command.team_id,
      userId: command.user_id,
      triggerId: command.trigger_id,
      userIds: parsed.userIds,
      channelIds: parsed.channelIds,
      rest: parsed.rest,
      reply: async (message) => {
        await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks as never });
      },
      run: async (inv) => {
        if (parsed.unknown !== null) return inv.reply(helpMessage(inv.tr, inv.actor.locale, parsed.unknown));
        if (parsed.sub === null) return inv.reply(menuMessage(inv.tr, inv.actor.locale));
        return subcommandHandlers[parsed.sub](rctx, inv);
      },
    });
  };
}

export function register(app: App, ctx: AppContext): void {
  app.command(Commands.followup, followupCommand(ctx));
}
