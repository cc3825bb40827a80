import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { barrierSubmission } from './barrier';
import { evaluateSubmission } from './evaluate';
import { learnSubmission } from './learn';
import { settingsSubmission } from './settings';
import { BarrierIds, CheckInIds, EvaluateIds, LearnIds, MilestoneIds, PlanIds, SettingsIds, SetupIds } from '../../ids';
import { checkInSubmission, milestoneSubmission } from './checkin';
import { planSubmission } from './plan';
import { setupSubmission } from './setup';

export function register(app: App, ctx: AppContext): void {
  app.view(SetupIds.view, setupSubmission(ctx));
  app.view(EvaluateIds.view, evaluateSubmission(ctx));
  app.view(BarrierIds.view, barrierSubmission(ctx));
  app.view(LearnIds.view, learnSubmission(ctx));
  app.view(SettingsIds.view, settingsSubmission(ctx));
  app.view(CheckInIds.view, checkInSubmission(ctx));
  app.view(MilestoneIds.view, milestoneSubmission(ctx));
  app.view(PlanIds.view, planSubmission(ctx));
}
