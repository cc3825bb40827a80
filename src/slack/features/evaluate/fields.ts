import { MAX_EVALUATED_GOALS } from '../../../domain/evaluations';
import { ASSESSMENTS } from '../../../domain/vocabulary';
import { date, defineForm, indices, number, repeat, select, text } from '../../form/fields';

/**
 * The evaluation modal (`evaluate_view`): per goal (numbered from 0, in the order of the modal's
 * metadata) an assessment, a comment and an optional adjustment with its reason; then the next date.
 */
export const evaluateForm = defineForm('evaluate', {
  ...repeat(indices(MAX_EVALUATED_GOALS), () => ({
    assessment: select({ label: 'evaluate.assessment', required: true, radio: true, values: ASSESSMENTS, optionText: (tr, a) => tr(`evaluate.assessment.${a}`) }),
    comment: text({ label: 'evaluate.comment', multiline: true, max: 1000 }),
    target: number({ label: 'evaluate.new_target', hint: 'evaluate.new_target_hint' }),
    date: date({ label: 'evaluate.new_date' }),
    reason: text({ label: 'evaluate.reason', hint: 'evaluate.reason_hint', max: 500 }),
  })),
  next: date({ label: 'evaluate.next', required: true }),
  summary: text({ label: 'evaluate.summary', multiline: true, max: 2000 }),
});

export type EvaluateField = keyof typeof evaluateForm.fields;

/** The fields of goal `i` (0-based) in the modal. */
export const goalFields = (i: number): EvaluateField[] =>
  (['assessment', 'comment', 'target', 'date', 'reason'] as const).map((name) => `${name}${i}` as EvaluateField);
