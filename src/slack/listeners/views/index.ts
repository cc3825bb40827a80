import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { settingsSubmission } from './settings';
import { CheckInIds, ConversationIds, DevelopIds, FeedbackIds, MilestoneIds, QuestionIds, ReflectIds, SettingsIds, SetupIds } from '../../ids';
import { conversationSubmission, developSubmission, feedbackSubmission, questionSubmission, reflectSubmission } from './steps';
import { checkInSubmission, milestoneSubmission } from './checkin';
import { setupSubmission } from './setup';

export function register(app: App, ctx: AppContext): void {
  app.view(SetupIds.view, setupSubmission(ctx));
  app.view(SettingsIds.view, settingsSubmission(ctx));
  app.view(CheckInIds.view, checkInSubmission(ctx));
  app.view(MilestoneIds.view, milestoneSubmission(ctx));
  app.view(ConversationIds.view, conversationSubmission(ctx));
  app.view(FeedbackIds.view, feedbackSubmission(ctx));
  app.view(DevelopIds.view, developSubmission(ctx));
  app.view(ReflectIds.view, reflectSubmission(ctx));
  app.view(QuestionIds.view, questionSubmission(ctx));
}
