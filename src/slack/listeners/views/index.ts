import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { BarrierIds, EvaluateIds, GoalIds, LearnIds, SettingsIds, SetupIds } from '../../ids';
import { barrierSubmission } from './barrier';
import { evaluateSubmission } from './evaluate';
import { learnSubmission } from './learn';
import { settingsSubmission } from './settings';
import { goalSubmission } from './goal';
import { setupSubmission } from './setup';

export function register(app: App, ctx: AppContext): void {
  app.view(SetupIds.view, setupSubmission(ctx));
  app.view(GoalIds.view, goalSubmission(ctx));
  app.view(EvaluateIds.view, evaluateSubmission(ctx));
  app.view(BarrierIds.view, barrierSubmission(ctx));
  app.view(LearnIds.view, learnSubmission(ctx));
  app.view(SettingsIds.view, settingsSubmission(ctx));
}
