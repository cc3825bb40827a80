import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { Commands } from '../../ids';
import { followupCommand } from './followup';

export function register(app: App, ctx: AppContext): void {
  app.command(Commands.followup, followupCommand(ctx));
}
