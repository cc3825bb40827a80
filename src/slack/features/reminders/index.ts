import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Feature } from '../../feature';
import { actionDone, actionSnooze, actionUndone, failedWhy, openFromReminder } from './buttons';
import { ReminderIds } from '../../outbound/ids';

/**
 * The buttons of the reminder DMs (record an evaluation, log a conversation, write a reflection;
 * an action item done, open again or snoozed) and App Home's "why?" of failed deliveries.
 */
export const reminders = {
  name: 'reminders',
  register(app, ctx, subcommands) {
    app.action<BlockAction<ButtonAction>>(ReminderIds.recordEvaluation, openFromReminder(ctx, subcommands, 'evaluate'));
    app.action<BlockAction<ButtonAction>>(ReminderIds.logConversation, openFromReminder(ctx, subcommands, 'conversation'));
    app.action<BlockAction<ButtonAction>>(ReminderIds.writeReflection, openFromReminder(ctx, subcommands, 'reflect'));
    app.action<BlockAction<ButtonAction>>(ReminderIds.actionDone, actionDone(ctx));
    app.action<BlockAction<ButtonAction>>(ReminderIds.actionUndone, actionUndone(ctx));
    app.action<BlockAction<ButtonAction>>(ReminderIds.actionSnooze, actionSnooze(ctx));
    app.action<BlockAction<ButtonAction>>(ReminderIds.failedWhy, failedWhy(ctx));
  },
} satisfies Feature;
