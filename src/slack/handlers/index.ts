import type { Subcommand } from '../commandText';
import type { SubcommandHandler } from '../invocation';
import { runExport } from './export';
import { openBarrier } from './barrier';
import { openEvaluate } from './evaluate';
import { openLearn } from './learn';
import { openSettings } from '../features/settings/open';
import { openCheckIn, openMilestone } from '../features/checkin/open';
import { openConversation, openDevelop, openFeedback, openQuestions, openReflect } from './steps';
import { openPlan } from './plan';
import { showSchedule } from '../features/schedule';
import { openSetup } from '../features/setup/open';
import { runStatus } from '../features/status';

/**
 * What each subcommand does. A subcommand not listed here answers politely that it is not
 * available yet. Add a feature by adding its handler file and one line here.
 */
export const subcommandHandlers: Partial<Record<Subcommand, SubcommandHandler>> = {
  setup: (ctx, inv) => openSetup(ctx, inv),
  export: runExport,
  evaluate: openEvaluate,
  barrier: openBarrier,
  learn: openLearn,
  status: runStatus,
  settings: openSettings,
  checkin: (ctx, inv) => openCheckIn(ctx, inv),
  milestone: openMilestone,
  conversation: (ctx, inv) => openConversation(ctx, inv),
  feedback: openFeedback,
  develop: openDevelop,
  reflect: (ctx, inv) => openReflect(ctx, inv),
  questions: openQuestions,
  plan: openPlan,
  schedule: showSchedule,
};
