/**
 * The buttons of the messages the app sends on its own (reminder DMs) and App Home's "why?" of
 * failed deliveries; src/slack/features/reminders answers them. Slack holds these ids in messages
 * already sent: never rename one.
 */
export const ReminderIds = {
  recordEvaluation: 'reminder_record_evaluation',
  logConversation: 'reminder_log_conversation',
  writeReflection: 'reminder_write_reflection',
  actionDone: 'reminder_action_done',
  actionUndone: 'reminder_action_undone',
  actionSnooze: 'reminder_action_snooze',
  failedWhy: 'reminder_failed_why',
} as const;
