import { SUBCOMMANDS, type Subcommand } from '../commandText';
import type { AppContext } from '../context';
import { userIdsFrom, type Invocation, type SubcommandHandler } from '../invocation';
import { subcommandHandlers as legacy } from '../handlers';
import { conversation } from './conversation';
import { develop } from './develop';
import { feedback } from './feedback';
import { goal } from './goal';
import { help } from './help';
import { home } from './home';
import { questions } from './questions';
import { reflect } from './reflect';
import type { Feature } from './types';

/** Every feature folder. Listener registration loops over these. */
export const features: Feature[] = [help, home, goal, conversation, feedback, develop, reflect, questions];

/** What each of the 18 subcommands does (the compiler checks none is missing). */
export const subcommandHandlers: Record<Subcommand, SubcommandHandler> = {
  ...(legacy as Record<Subcommand, SubcommandHandler>),
  ...help.subcommands,
  ...goal.subcommands,
  ...conversation.subcommands,
  ...feedback.subcommands,
  ...develop.subcommands,
  ...reflect.subcommands,
  ...questions.subcommands,
};

/** Runs a subcommand as if typed, optionally about one person (`value` of a button): menu, Home, reminders. */
export async function runSubcommand(ctx: AppContext, inv: Invocation, sub: string | undefined, userId?: string): Promise<unknown> {
  if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) return;
  return subcommandHandlers[sub as Subcommand](ctx, userId === undefined ? inv : { ...inv, userIds: userIdsFrom(userId) });
}
