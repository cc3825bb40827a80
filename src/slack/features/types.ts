import type { App } from '@slack/bolt';
import type { Subcommand } from '../commandText';
import type { AppContext } from '../context';
import type { SubcommandHandler } from '../invocation';

/**
 * What one feature folder registers: the subcommands it answers and its Bolt listeners (view
 * submissions, buttons). `src/slack/listeners` loops over every feature's `register`.
 */
export interface Feature {
  name: string;
  subcommands?: Partial<Record<Subcommand, SubcommandHandler>>;
  register?(app: App, ctx: AppContext): void;
}
