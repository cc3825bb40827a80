import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommandText } from '../commandText';
import type { AppContext } from '../context';
import { Commands as CommandIds } from '../ids';
import { forRequest, runInvocation, type Commands } from '../invocation';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/followup [sub] [@person] [#channel]`: ack at once, then answer or open a modal. */
export function followupCommand(ctx: AppContext, commands: Commands) {
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
        if (parsed.unknown !== null) return commands.unknown(rctx, inv, parsed.unknown);
        if (parsed.sub === null) return commands.menu(rctx, inv);
        return commands.subcommands[parsed.sub](rctx, inv);
      },
    });
  };
}

export function register(app: App, ctx: AppContext, commands: Commands): void {
  app.command(CommandIds.followup, followupCommand(ctx, commands));
}
