import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { barrierSubmission } from './barrier';
import { evaluateSubmission } from './evaluate';
import { learnSubmission } from './learn';
import { BarrierIds, ConversationIds, DevelopIds, EvaluateIds, FeedbackIds, LearnIds, PlanIds, QuestionIds, ReflectIds } from '../../ids';
import { conversationSubmission, developSubmission, feedbackSubmission, questionSubmission, reflectSubmission } from './steps';
import { planSubmission } from './plan';

export function register(app: App, ctx: AppContext): void {
  app.view(EvaluateIds.view, evaluateSubmission(ctx));
  app.view(BarrierIds.view, barrierSubmission(ctx));
  app.view(LearnIds.view, learnSubmission(ctx));
  app.view(ConversationIds.view, conversationSubmission(ctx));
  app.view(FeedbackIds.view, feedbackSubmission(ctx));
  app.view(DevelopIds.view, developSubmission(ctx));
  app.view(ReflectIds.view, reflectSubmission(ctx));
  app.view(QuestionIds.view, questionSubmission(ctx));
  app.view(PlanIds.view, planSubmission(ctx));
}
