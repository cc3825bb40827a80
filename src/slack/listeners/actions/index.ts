import type { App, BlockAction, ButtonAction, OverflowAction, StaticSelectAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { BarrierIds, CheckInIds, ExportIds, MilestoneIds, ReminderIds, actionPattern } from '../../ids';
import { checkInGoalChosen, checkInLogButton, milestoneDoneButton } from './checkin';
import { barrierStatusMenu } from './barrier';
import { actionDone, actionSnooze, actionUndone, failedWhy, openFromReminder } from './reminders';
import { exportErase } from './home';


export function register(app: App, ctx: AppContext): void {
  app.action<BlockAction<OverflowAction>>(BarrierIds.statusMenuPattern, barrierStatusMenu(ctx));
  app.action<BlockAction<ButtonAction>>(ExportIds.eraseButton, exportErase(ctx));
  // Buttons repeated per row carry an index (`<id>_<n>`): match the id with or without it.
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(CheckInIds.logButton) }, checkInLogButton(ctx));
  app.action<BlockAction<ButtonAction>>({ action_id: actionPattern(MilestoneIds.doneButton) }, milestoneDoneButton(ctx));
  app.action<BlockAction<StaticSelectAction>>(CheckInIds.goalInput, checkInGoalChosen(ctx));
  app.action<BlockAction<ButtonAction>>(ReminderIds.recordEvaluation, openFromReminder(ctx, 'evaluate'));
  app.action<BlockAction<ButtonAction>>(ReminderIds.logConversation, openFromReminder(ctx, 'conversation'));
  app.action<BlockAction<ButtonAction>>(ReminderIds.writeReflection, openFromReminder(ctx, 'reflect'));
  app.action<BlockAction<ButtonAction>>(ReminderIds.actionDone, actionDone(ctx));
  app.action<BlockAction<ButtonAction>>(ReminderIds.actionUndone, actionUndone(ctx));
  app.action<BlockAction<ButtonAction>>(ReminderIds.actionSnooze, actionSnooze(ctx));
  app.action<BlockAction<ButtonAction>>(ReminderIds.failedWhy, failedWhy(ctx));
}
