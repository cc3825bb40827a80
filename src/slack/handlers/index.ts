import type { Subcommand } from '../commandText';
import type { SubcommandHandler } from '../invocation';
import { openConversation, openDevelop, openFeedback, openQuestions, openReflect } from './steps';

/** TRANSITION (issue 7): the subcommands not yet in a feature folder. */
export const subcommandHandlers: Partial<Record<Subcommand, SubcommandHandler>> = {
  conversation: (ctx, inv) => openConversation(ctx, inv),
  feedback: openFeedback,
  develop: openDevelop,
  reflect: (ctx, inv) => openReflect(ctx, inv),
  questions: openQuestions,
};
