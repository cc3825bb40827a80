import type { App } from '@slack/bolt';
import type { Subcommand } from './commandText';
import type { AppContext } from './context';
import type { SubcommandHandler, Subcommands } from './invocation';

/**
 * What one feature folder registers: the subcommands it answers and its Bolt listeners (view
 * submissions, buttons). `src/slack/listeners` loops over every feature's `register`.
 */
export interface Feature {
  name: string;
  subcommands?: Partial<Record<Subcommand, SubcommandHandler>>;
  /** `subcommands`: every feature's, for the buttons and menus that run one as if typed. */
  register?(app: App, ctx: AppContext, subcommands: Subcommands): void;
}
