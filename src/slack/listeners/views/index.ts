import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { GoalIds, SetupIds } from '../../ids';
import { goalSubmission } from './goal';
import { setupSubmission } from './setup';

export function register(app: App, ctx: AppContext): void {
  app.view(SetupIds.view, setupSubmission(ctx));
  app.view(GoalIds.view, goalSubmission(ctx));
}
