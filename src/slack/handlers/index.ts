import type { Subcommand } from '../commandText';
import type { SubcommandHandler } from '../invocation';
import { runExport } from './export';
import { openBarrier } from './barrier';
import { openEvaluate } from './evaluate';
import { openLearn } from './learn';
import { openSettings } from './settings';
import { openCheckIn, openMilestone } from './checkin';
import { openPlan } from './plan';
import { showSchedule } from './schedule';
import { openSetup } from './setup';
import { runStatus } from './status';

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
  plan: openPlan,
  schedule: showSchedule,
};
