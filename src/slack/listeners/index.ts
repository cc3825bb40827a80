import type { App } from '@slack/bolt';
import type { AppContext } from '../context';
import { features } from '../features';
import * as actions from './actions';
import * as commands from './commands';
import * as events from './events';
import * as views from './views';

/** Registers every listener: the command, each feature's views and buttons, and the events. */
export function register(app: App, ctx: AppContext): void {
  commands.register(app, ctx);
  for (const feature of features) feature.register?.(app, ctx);
  views.register(app, ctx);
  actions.register(app, ctx);
  events.register(app, ctx);
}
