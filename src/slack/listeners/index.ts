import type { App } from '@slack/bolt';
import type { AppContext } from '../context';
import { features } from '../features';
import * as commands from './commands';
import * as events from './events';

/** Registers every listener: the command, each feature's views and buttons, and the events. */
export function register(app: App, ctx: AppContext): void {
  commands.register(app, ctx);
  for (const feature of features) feature.register?.(app, ctx);
  events.register(app, ctx);
}
