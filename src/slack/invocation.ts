import type { Actor } from '../domain/people';
import type { Translate } from '../i18n';
import type { AppContext } from './context';
import type { Message } from './views/help';

/**
 * One request to do something, however it arrived: a slash command, the menu, an App Home
 * button or a reminder's button. Subcommand handlers take this, so every path behaves the same.
 */
export interface Invocation {
  actor: Actor;
  tr: Translate;
  /** trigger_id for views.open (valid 3 s, once). */
  triggerId: string;
  userIds: string[];
  channelIds: string[];
  rest: string;
  /** Answers the person privately where they asked (ephemeral, or a DM from App Home). */
  reply(message: Message): Promise<void>;
}

export type SubcommandHandler = (ctx: AppContext, inv: Invocation) => Promise<void>;
