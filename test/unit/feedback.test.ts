import { FEEDBACK_PART_MAX, feedbackRuleErrors } from '../../src/domain/feedback';
import { translator } from '../../src/i18n';
import { FeedbackIds, feedbackForm } from '../../src/slack/features/feedback/fields';
import { feedbackModal } from '../../src/slack/features/feedback/views';
import { expectSameLimits, idPairs } from '../support/forms';

describe('feedback form', () => {
  it('keeps the ids Slack already holds (a modal open during a deploy still submits)', () => {
    expect(FeedbackIds.view).toBe('feedback_view');
    expect(idPairs(feedbackForm)).toEqual({
      feedback_receiver_block: 'feedback_receiver_input',
      feedback_works_block: 'feedback_works_input',
      feedback_improve_block: 'feedback_improve_input',
      feedback_advice_block: 'feedback_advice_input',
    });
    // The domain says `receiver`; its errors land on the person picker.
    expect(feedbackForm.blockOf.receiver).toBe('feedback_receiver_block');
  });

  it('each part has the max_length the reader enforces', () => {
    expect(expectSameLimits(feedbackForm, feedbackModal(translator('nb'), 'U1'))).toEqual({
      feedback_works_block: FEEDBACK_PART_MAX,
      feedback_improve_block: FEEDBACK_PART_MAX,
      feedback_advice_block: FEEDBACK_PART_MAX,
    });
  });

  it('all three parts and the receiver are required', () => {
    expect(feedbackForm.read({}).errors).toEqual({
      feedback_receiver_block: { key: 'common.error_required' },
      feedback_works_block: { key: 'common.error_required' },
      feedback_improve_block: { key: 'common.error_required' },
      feedback_advice_block: { key: 'common.error_required' },
    });
  });
});

describe('feedback rules', () => {
  it('refuses feedback to yourself, accepts it to someone else', () => {
    expect(feedbackRuleErrors('U1', { receiverUserId: 'U1' })).toEqual({ receiver: { key: 'feedback.error_self' } });
    expect(feedbackRuleErrors('U1', { receiverUserId: 'U2' })).toEqual({});
  });
});
