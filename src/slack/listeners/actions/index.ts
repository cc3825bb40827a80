import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { ConversationIds, DevelopIds, QuestionIds, ReflectIds, actionPattern } from '../../ids';
import { conversationPick, developStatus, questionAddButton, questionAddToNext, reflectOpen } from './steps';

export function register(app: App, ctx: AppContext): void {
  // Buttons repeated per row carry an index (`<id>_<n>`): match the id with or without it.
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(ConversationIds.pickButton) }, conversationPick(ctx));
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(ReflectIds.openButton) }, reflectOpen(ctx));
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(QuestionIds.addToNextButton) }, questionAddToNext(ctx));
  app.action<BlockAction<ButtonAction>>(QuestionIds.addButton, questionAddButton(ctx));
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(DevelopIds.statusButton) }, developStatus(ctx));
}
