import { FEEDBACK_PART_MAX } from '../../../domain/feedback';
import { defineForm, text, user } from '../../form/fields';

export const FeedbackIds = { view: 'feedback_view' } as const;

/** The feedback modal (`feedback_view`): to whom, and the three parts. */
export const feedbackForm = defineForm(
  'feedback',
  {
    receiverUserId: user({ label: 'feedback.receiver', required: true, stem: 'receiver' }),
    works: text({ label: 'feedback.works', placeholder: 'feedback.works_placeholder', required: true, multiline: true, max: FEEDBACK_PART_MAX }),
    improve: text({ label: 'feedback.improve', placeholder: 'feedback.improve_placeholder', required: true, multiline: true, max: FEEDBACK_PART_MAX }),
    advice: text({ label: 'feedback.advice', placeholder: 'feedback.advice_placeholder', required: true, multiline: true, max: FEEDBACK_PART_MAX }),
  },
  { receiver: 'receiverUserId' },
);
