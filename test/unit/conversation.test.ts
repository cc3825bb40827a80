import { ACTION_MAX, CONVERSATION_NOTES_MAX, conversationRuleErrors, type ConversationInput } from '../../src/domain/conversations';
import { translator } from '../../src/i18n';
import { ConversationIds, conversationForm } from '../../src/slack/features/conversation/fields';
import { conversationModal } from '../../src/slack/features/conversation/views';
import { expectSameLimits, idPairs } from '../support/forms';

const id = (n: number) => `c${String(n).padStart(24, '0')}`;
const TODAY = '2026-11-26' as const;

describe('conversation form', () => {
  it('keeps the ids Slack already holds (a modal open during a deploy still submits)', () => {
    expect(ConversationIds).toEqual({ view: 'conversation_view', pickButton: 'conversation_pick_followup' });
    expect(idPairs(conversationForm)).toEqual({
      conversation_date_block: 'conversation_date_input',
      conversation_questions_block: 'conversation_questions_input',
      conversation_open_actions_block: 'conversation_open_actions_input',
      conversation_notes_block: 'conversation_notes_input',
      conversation_action_1_block: 'conversation_action_1_input',
      conversation_action_due_1_block: 'conversation_action_due_1_input',
      conversation_action_2_block: 'conversation_action_2_input',
      conversation_action_due_2_block: 'conversation_action_due_2_input',
      conversation_action_3_block: 'conversation_action_3_input',
      conversation_action_due_3_block: 'conversation_action_due_3_input',
    });
    // The domain's error names land on the right blocks.
    expect(conversationForm.blockOf.heldOn).toBe('conversation_date_block');
    expect(conversationForm.blockOf.actionDue2).toBe('conversation_action_due_2_block');
  });

  it('each text input has the max_length the reader enforces', () => {
    const view = conversationModal(translator('en'), {
      followUpId: id(1),
      seniorUserId: 'U1',
      leaderUserId: 'U2',
      today: TODAY,
      questions: [{ key: 'g1', text: 'How?', step: 2, source: 'guide' }],
      preselected: [],
      openActions: [{ id: id(2), what: 'Call' }],
    });
    expect(expectSameLimits(conversationForm, view)).toEqual({
      conversation_notes_block: CONVERSATION_NOTES_MAX,
      conversation_action_1_block: ACTION_MAX,
      conversation_action_2_block: ACTION_MAX,
      conversation_action_3_block: ACTION_MAX,
    });
  });

  it('refuses an agenda choice that is not a question key or a record id', () => {
    const { errors } = conversationForm.read({
      conversation_date_block: { conversation_date_input: { type: 'datepicker', selected_date: TODAY } },
      conversation_questions_block: { conversation_questions_input: { type: 'checkboxes', selected_options: [{ value: 'not a key' }] } },
      conversation_open_actions_block: { conversation_open_actions_input: { type: 'checkboxes', selected_options: [{ value: 'DROP TABLE' }] } },
    });
    expect(errors).toEqual({ conversation_questions_block: { key: 'common.error_invalid_option' }, conversation_open_actions_block: { key: 'common.error_invalid_option' } });
  });
});

describe('conversation rules', () => {
  const input = (over: Partial<ConversationInput> = {}): ConversationInput => ({
    followUpId: id(1),
    heldOn: TODAY,
    questionKeys: [],
    actionItemIds: [],
    notes: 'We talked',
    actions: [],
    ...over,
  });

  it('accepts today with notes, and an earlier day with only an agenda point or an action', () => {
    expect(conversationRuleErrors(input(), TODAY, 0)).toEqual({});
    expect(conversationRuleErrors(input({ heldOn: '2026-11-01', notes: null }), TODAY, 1)).toEqual({});
    expect(conversationRuleErrors(input({ notes: null, actionItemIds: [id(3)] }), TODAY, 0)).toEqual({});
    expect(conversationRuleErrors(input({ notes: null, actions: [{ what: 'Call HR', dueDate: TODAY }] }), TODAY, 0)).toEqual({});
  });

  it('refuses a future date, an empty conversation, a due date without an action or in the past', () => {
    expect(conversationRuleErrors(input({ heldOn: '2026-11-27' }), TODAY, 0)).toEqual({ heldOn: { key: 'conversation.error_date_future' } });
    expect(conversationRuleErrors(input({ notes: null }), TODAY, 0)).toEqual({ notes: { key: 'conversation.error_empty' } });
    expect(
      conversationRuleErrors(
        input({
          actions: [
            { what: 'Call HR', dueDate: '2026-11-25' },
            { what: null, dueDate: '2026-12-01' },
            { what: 'Write plan', dueDate: null },
          ],
        }),
        TODAY,
        0,
      ),
    ).toEqual({ actionDue1: { key: 'common.error_date_past' }, action2: { key: 'conversation.error_due_without_action' } });
  });

  it('refuses more agreed actions than the modal has', () => {
    const four = Array.from({ length: 4 }, () => ({ what: 'x', dueDate: null }));
    expect(conversationRuleErrors(input({ actions: four }), TODAY, 0)).toEqual({ action1: { key: 'common.error_invalid_option' } });
  });
});
