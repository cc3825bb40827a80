import type { AppContext } from './context';
import type { Message } from './blocks';

/** Sends a direct message from the app to a person (chat.postMessage to their user id). */
export async function dm(ctx: AppContext, slackUserId: string, message: Message): Promise<void> {
  try {
    await ctx.web.chat.postMessage({ channel: slackUserId, text: message.text, blocks: message.blocks, unfurl_links: false });
  } catch (err) {
    ctx.logger.warn({ err, slackUserId }, 'direct message failed');
  }
}
