import { CHECKIN_NOTE_MAX, checkInErrors } from '../../src/domain/checkins';
import { translator } from '../../src/i18n';
import { NUMBER_MAX } from '../../src/slack/form/fields';
import { checkInForm } from '../../src/slack/features/checkin/fields';
import { checkInModal, CheckInIds } from '../../src/slack/features/checkin/views';

const tr = translator('en');
const GOAL = 'cgoal00000000001';

describe('check-in form', () => {
  it('keeps the ids Slack already holds (a modal open during a deploy still submits)', () => {
    expect(CheckInIds).toEqual({ view: 'checkin_view', logButton: 'checkin_log_button' });
    expect(checkInForm.ids).toEqual({
      goal: { block: 'checkin_goal_block', action: 'checkin_goal_input' },
      value: { block: 'checkin_value_block', action: 'checkin_value_input' },
      confidence: { block: 'checkin_confidence_block', action: 'checkin_confidence_input' },
      note: { block: 'checkin_note_block', action: 'checkin_note_input' },
    });
  });

  const view = checkInModal(tr, {
    locale: 'en',
    goals: [{ id: GOAL, title: 'Sales', leaderName: 'Kari', metricName: 'Deals', unit: 'deals', baseline: 2, target: 10, current: 4 }],
    selectedGoalId: GOAL,
  });
  const block = (id: string) => view.blocks.find((b) => b.block_id === id) as unknown as { label: { text: string }; dispatch_action?: boolean; element: Record<string, unknown> };

  it('renders the chosen goal (it redraws the modal), its unit, confidence 3 by default', () => {
    expect(block('checkin_goal_block').dispatch_action).toBe(true);
    expect(block('checkin_goal_block').element.initial_option).toMatchObject({ value: GOAL });
    expect(block('checkin_value_block').label.text).toBe('Value now (deals)');
    expect(block('checkin_confidence_block').element).toMatchObject({ type: 'radio_buttons', initial_option: { value: '3', text: { text: '3 — so-so' } } });
  });

  it('max_length of each typed field is what the reader accepts', () => {
    expect(block('checkin_note_block').element.max_length).toBe(CHECKIN_NOTE_MAX);
    expect(block('checkin_value_block').element.max_length).toBe(NUMBER_MAX);
    const state = (note: string) => ({
      checkin_goal_block: { checkin_goal_input: { selected_option: { value: GOAL } } },
      checkin_value_block: { checkin_value_input: { value: '3,5' } },
      checkin_confidence_block: { checkin_confidence_input: { selected_option: { value: '4' } } },
      checkin_note_block: { checkin_note_input: { value: note } },
    });
    expect(checkInForm.read(state('é'.repeat(CHECKIN_NOTE_MAX))).value).toEqual({ goal: GOAL, value: 3.5, confidence: '4', note: 'é'.repeat(CHECKIN_NOTE_MAX) });
    expect(checkInForm.read(state('é'.repeat(CHECKIN_NOTE_MAX + 1))).errors).toEqual({
      checkin_note_block: { key: 'common.error_too_long', vars: { max: CHECKIN_NOTE_MAX, length: CHECKIN_NOTE_MAX + 1 } },
    });
  });

  it('a forged goal id or confidence is refused on its field', () => {
    const errors = checkInForm.read({
      checkin_goal_block: { checkin_goal_input: { selected_option: { value: 'not an id' } } },
      checkin_confidence_block: { checkin_confidence_input: { selected_option: { value: '9' } } },
    }).errors;
    expect(errors).toEqual({ checkin_goal_block: { key: 'common.error_invalid_option' }, checkin_confidence_block: { key: 'common.error_invalid_option' } });
  });
});

describe('check-in rules (domain)', () => {
  const measured = { status: 'ACTIVE' as const, baseline: 2, target: 10 };
  const unmeasured = { status: 'ACTIVE' as const, baseline: null, target: null };
  it('a goal with a measure needs a value; one without refuses it', () => {
    expect(checkInErrors(measured, { value: null, confidence: 3 })).toEqual({ value: { key: 'checkin.error_value_required' } });
    expect(checkInErrors(unmeasured, { value: 4, confidence: 3 })).toEqual({ value: { key: 'checkin.error_no_metric' } });
    expect(checkInErrors(measured, { value: 4, confidence: 3 })).toEqual({});
    expect(checkInErrors(unmeasured, { value: null, confidence: 5 })).toEqual({});
  });
  it('a closed goal takes no check-ins; confidence is 1–5', () => {
    expect(checkInErrors({ ...measured, status: 'ACHIEVED' }, { value: 4, confidence: 0 })).toEqual({
      goal: { key: 'checkin.error_goal_closed' },
      confidence: { key: 'common.error_invalid_option' },
    });
  });
});
