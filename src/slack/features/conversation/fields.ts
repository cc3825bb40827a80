import { ACTION_MAX, CONVERSATION_NOTES_MAX, MAX_AGENDA_OPTIONS, MAX_AGREED_ACTIONS } from '../../../domain/conversations';
import { QUESTION_KEY } from '../../../domain/questions';
import { RECORD_ID } from '../../../domain/vocabulary';
import { date, defineForm, multi, numbers, repeat, text } from '../../form/fields';

export const ConversationIds = {
  view: 'conversation_view',
  /** Button (value: follow-up id) when the person has several follow-ups. */
  pickButton: 'conversation_pick_followup',
} as const;

/** The conversation modal (`conversation_view`): date, agenda (questions, open actions), notes, agreed actions. */
export const conversationForm = defineForm('conversation', {
  heldOn: date({ label: 'conversation.date', required: true, stem: 'date' }),
  /** Options (questions of the bank) are passed when the modal is built. */
  questions: multi({ label: 'conversation.agenda_questions', checkboxes: true, max: MAX_AGENDA_OPTIONS, accepts: (k) => QUESTION_KEY.test(k) }),
  /** Shown only when the follow-up has open action items (passed when the modal is built). */
  openActions: multi({ label: 'conversation.agenda_actions', checkboxes: true, max: MAX_AGENDA_OPTIONS, accepts: (id) => RECORD_ID.test(id) }),
  notes: text({ label: 'conversation.notes', multiline: true, max: CONVERSATION_NOTES_MAX }),
  ...repeat(numbers(MAX_AGREED_ACTIONS), (n) => ({
    action: text({ label: 'conversation.action_n', labelVars: { n }, max: ACTION_MAX, stem: `action_${n}` }),
    actionDue: date({ label: 'conversation.action_due_n', labelVars: { n }, stem: `action_due_${n}` }),
  })),
});
