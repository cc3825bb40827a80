import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { barrierSubmission } from './barrier';
import { evaluateSubmission } from './evaluate';
import { learnSubmission } from './learn';
import { settingsSubmission } from '../../features/settings/submit';
import { BarrierIds, CheckInIds, ConversationIds, DevelopIds, EvaluateIds, FeedbackIds, LearnIds, MilestoneIds, PlanIds, QuestionIds, ReflectIds, SettingsIds, SetupIds } from '../../ids';
import { conversationSubmission, developSubmission, feedbackSubmission, questionSubmission, reflectSubmission } from './steps';
import { checkInSubmission, milestoneSubmission } from '../../features/checkin/submit';
import { planSubmission } from './plan';
import { setupSubmission } from '../../features/setup/submit';

export function register(app: App, ctx: AppContext): void {
  app.view(SetupIds.view, setupSubmission(ctx));
  app.view(EvaluateIds.view, evaluateSubmission(ctx));
  app.view(BarrierIds.view, barrierSubmission(ctx));
  app.view(LearnIds.view, learnSubmission(ctx));
  app.view(SettingsIds.view, settingsSubmission(ctx));
  app.view(CheckInIds.view, checkInSubmission(ctx));
  app.view(MilestoneIds.view, milestoneSubmission(ctx));
  app.view(ConversationIds.view, conversationSubmission(ctx));
  app.view(FeedbackIds.view, feedbackSubmission(ctx));
  app.view(DevelopIds.view, developSubmission(ctx));
  app.view(ReflectIds.view, reflectSubmission(ctx));
  app.view(QuestionIds.view, questionSubmission(ctx));
  app.view(PlanIds.view, planSubmission(ctx));
}
