import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { CheckInIds, ConversationIds, DevelopIds, MilestoneIds, QuestionIds, ReflectIds, actionPattern } from '../../ids';
import { conversationPick, developStatus, questionAddButton, questionAddToNext, reflectOpen } from './steps';
import { checkInGoalChosen, checkInLogButton, milestoneDoneButton } from './checkin';


export function register(app: App, ctx: AppContext): void {
  // Buttons repeated per row carry an index (`<id>_<n>`): match the id with or without it.
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(CheckInIds.logButton) }, checkInLogButton(ctx));
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(MilestoneIds.doneButton) }, milestoneDoneButton(ctx));
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(ConversationIds.pickButton) }, conversationPick(ctx));
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(ReflectIds.openButton) }, reflectOpen(ctx));
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(QuestionIds.addToNextButton) }, questionAddToNext(ctx));
  app.action<BlockAction<ButtonAction>>(QuestionIds.addButton, questionAddButton(ctx));
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(DevelopIds.statusButton) }, developStatus(ctx));
  app.action<BlockAction<StaticSelectAction>>(CheckInIds.goalInput, checkInGoalChosen(ctx));
}
