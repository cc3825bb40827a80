import { translator } from '../../src/i18n';
import { exportSentToOther, ExportIds } from '../../src/slack/features/export/views';
import { ReminderIds } from '../../src/slack/outbound/ids';

describe('button ids Slack already holds', () => {
  it('keeps the export’s erase button and the reminders’ buttons', () => {
    expect(ExportIds.eraseButton).toBe('export_erase_button');
    expect(ReminderIds).toEqual({
      recordEvaluation: 'reminder_record_evaluation',
      logConversation: 'reminder_log_conversation',
      writeReflection: 'reminder_write_reflection',
      actionDone: 'reminder_action_done',
      actionUndone: 'reminder_action_undone',
      actionSnooze: 'reminder_action_snooze',
      failedWhy: 'reminder_failed_why',
    });
  });

  it('guards the erase button with a confirmation naming the person', () => {
    const tr = translator('en');
    const m = exportSentToOther(tr, 'UPERSON');
    const button = (m.blocks[1] as unknown as { elements: { action_id: string; value: string; style: string; confirm: { text: { text: string } } }[] }).elements[0];
    expect(button.action_id).toBe('export_erase_button');
    expect(button.value).toBe('UPERSON');
    expect(button.style).toBe('danger');
    expect(button.confirm.text.text).toContain('<@UPERSON>');
  });
});
