import type { Subcommand } from '../commandText';
import type { SubcommandHandler } from '../invocation';
import { openSettings } from './settings';
import { openCheckIn, openMilestone } from './checkin';
import { openConversation, openDevelop, openFeedback, openQuestions, openReflect } from './steps';
import { showSchedule } from './schedule';
import { openSetup } from './setup';
import { runStatus } from './status';

/**
 * What each subcommand does. A subcommand not listed here answers politely that it is not
 * available yet. Add a feature by adding its handler file and one line here.
 */
export const subcommandHandlers: Partial<Record<Subcommand, SubcommandHandler>> = {
  setup: (ctx, inv) => openSetup(ctx, inv),
  status: runStatus,
  settings: openSettings,
  checkin: (ctx, inv) => openCheckIn(ctx, inv),
  milestone: openMilestone,
  conversation: (ctx, inv) => openConversation(ctx, inv),
  feedback: openFeedback,
  develop: openDevelop,
  reflect: (ctx, inv) => openReflect(ctx, inv),
  questions: openQuestions,
  schedule: showSchedule,
};
