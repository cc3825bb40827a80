import { QUESTION_LANGUAGES, QUESTION_MAX, QUESTION_STEPS } from '../../../domain/questions';
import { defineForm, select, text } from '../../form/fields';

export const QuestionIds = {
  /** Button (value: question key) "Add to next one-to-one". */
  addToNextButton: 'questions_add_to_next_button',
  /** Button (admins) that opens the "add a question" modal. */
  addButton: 'questions_add_button',
  view: 'questions_add_view',
} as const;

type Step = (typeof QUESTION_STEPS)[number];

/** The "add a question" modal (`questions_add_view`, admins): the question, its step of the guide, its language. */
export const questionForm = defineForm('questions', {
  text: text({ label: 'questions.text', required: true, multiline: true, max: QUESTION_MAX }),
  step: select({ label: 'questions.step', values: QUESTION_STEPS, optionText: (tr, n: Step) => `${n}. ${tr(`questions.step.${n}`)}` }),
  language: select({ label: 'questions.language', required: true, radio: true, values: QUESTION_LANGUAGES, initial: 'both', optionText: (tr, l) => tr(`questions.language.${l}`) }),
});
