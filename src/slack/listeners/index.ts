import type { App } from '@slack/bolt';
import type { AppContext } from '../context';
import type { Feature } from '../feature';
import type { Commands } from '../invocation';
import * as commands from './commands';
import * as events from './events';

/** What the listeners register, passed in by src/app.ts (this layer imports no feature). */
export interface Registration {
  features: readonly Feature[];
  commands: Commands;
  /** The stored installation of a workspace that uninstalled the app or revoked its bot token. */
  installations: events.InstallationForgetter;
}

/** Registers every listener: the command, each feature's views and buttons, and the events. */
export function register(app: App, ctx: AppContext, reg: Registration): void {
  commands.register(app, ctx, reg.commands);
  for (const feature of reg.features) feature.register?.(app, ctx, reg.commands.subcommands);
  events.register(app, ctx, reg.installations);
}
