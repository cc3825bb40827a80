import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { ConversationIds, DevelopIds, FeedbackIds, QuestionIds, ReflectIds } from '../../ids';
import { conversationSubmission, developSubmission, feedbackSubmission, questionSubmission, reflectSubmission } from './steps';

export function register(app: App, ctx: AppContext): void {
  app.view(ConversationIds.view, conversationSubmission(ctx));
  app.view(FeedbackIds.view, feedbackSubmission(ctx));
  app.view(DevelopIds.view, developSubmission(ctx));
  app.view(ReflectIds.view, reflectSubmission(ctx));
  app.view(QuestionIds.view, questionSubmission(ctx));
}
