import { PROMPTS_PER_REFLECTION, REFLECTION_ANSWER_MAX } from '../../../domain/reflections';
import { defineForm, multi, numbers, repeat, text } from '../../form/fields';

export const ReflectIds = {
  view: 'reflect_view',
  /** Button (value: follow-up id): opens the reflection modal; for reminders and the follow-up picker. */
  openButton: 'reflect_open_button',
} as const;

/** The reflection modal (`reflect_view`): one answer per prompt (the prompt is its label), and whether to share. */
export const reflectForm = defineForm('reflect', {
  ...repeat(numbers(PROMPTS_PER_REFLECTION), (n) => ({
    answer: text({ label: 'reflect.answer_n', labelVars: { n }, multiline: true, max: REFLECTION_ANSWER_MAX, stem: `answer_${n}` }),
  })),
  share: multi({ label: 'reflect.share_label', hint: 'reflect.share_hint', checkboxes: true, values: ['share'], optionText: (tr) => tr('reflect.share') }),
});

export type AnswerField = Extract<keyof typeof reflectForm.fields, `answer${number}`>;
/** The answer fields of a modal that showed `count` prompts. */
export const answerFields = (count: number): AnswerField[] => numbers(PROMPTS_PER_REFLECTION).slice(0, count).map((n): AnswerField => `answer${n}`);
