import type { Subcommand } from '../commandText';
import type { SubcommandHandler } from '../invocation';
import { helpMessage } from '../views/help';
import { runExport } from './export';
import { openGoal } from './goal';
import { openSetup } from './setup';

/**
 * What each subcommand does. A subcommand not listed here answers politely that it is not
 * available yet. Add a feature by adding its handler file and one line here.
 */
export const subcommandHandlers: Partial<Record<Subcommand, SubcommandHandler>> = {
  help: async (_ctx, inv) => inv.reply(helpMessage(inv.tr)),
  setup: (ctx, inv) => openSetup(ctx, inv),
  goal: openGoal,
  export: runExport,
};
