import type { Subcommand } from '../commandText';
import type { SubcommandHandler } from '../invocation';
import { runExport } from './export';
import { openBarrier } from './barrier';
import { openEvaluate } from './evaluate';
import { openLearn } from './learn';
import { openConversation, openDevelop, openFeedback, openQuestions, openReflect } from './steps';
import { openPlan } from './plan';

/**
 * What each subcommand does. A subcommand not listed here answers politely that it is not
 * available yet. Add a feature by adding its handler file and one line here.
 */
export const subcommandHandlers: Partial<Record<Subcommand, SubcommandHandler>> = {
  export: runExport,
  evaluate: openEvaluate,
  barrier: openBarrier,
  learn: openLearn,
  conversation: (ctx, inv) => openConversation(ctx, inv),
  feedback: openFeedback,
  develop: openDevelop,
  reflect: (ctx, inv) => openReflect(ctx, inv),
  questions: openQuestions,
  plan: openPlan,
};
