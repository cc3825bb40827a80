import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';

import { parseCommandText } from '../../commandText';
import type { AppContext } from '../../context';
import { subcommandHandlers } from '../../handlers';
import { runInvocation } from '../../handlers/run';
import { helpMessage, menuMessage, notBuiltMessage } from '../../views/help';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/followup [sub] [@person] [#channel]`: ack at once, then answer or open a modal. */
export function followupCommand(ctx: AppContext) {
  return async ({ command, ack, respond }: Args): Promise<void> => {
    await ack();
    const parsed = parseCommandText(command.text);
    const reply = async (message: { text: string; blocks: unknown[] }) => {
      await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks as never });
    };
    await runInvocation(ctx, {
      teamId: command.team_id,
      userId: command.user_id,
      triggerId: command.trigger_id,
      userIds: parsed.userIds,
      channelIds: parsed.channelIds,
      rest: parsed.rest,
      reply,
      run: async (inv) => {
        if (parsed.unknown !== null) return inv.reply(helpMessage(inv.tr, parsed.unknown));
        if (parsed.sub === null) return inv.reply(menuMessage(inv.tr));
        const handler = subcommandHandlers[parsed.sub];
        if (!handler) return inv.reply(notBuiltMessage(inv.tr, parsed.sub));
        return handler(ctx, inv);
      },
    });
  };
}

