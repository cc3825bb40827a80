import { QUESTION_KEY, QUESTION_MAX, questionRuleErrors } from '../../src/domain/questions';
import { translator } from '../../src/i18n';
import { QuestionIds, questionForm } from '../../src/slack/features/questions/fields';
import { addQuestionModal } from '../../src/slack/features/questions/views';
import { expectSameLimits, idPairs } from '../support/forms';

describe('"add a question" form', () => {
  it('keeps the ids Slack already holds (a modal open during a deploy still submits)', () => {
    expect(QuestionIds).toEqual({ view: 'questions_add_view', addToNextButton: 'questions_add_to_next_button', addButton: 'questions_add_button' });
    expect(idPairs(questionForm)).toEqual({
      questions_text_block: 'questions_text_input',
      questions_step_block: 'questions_step_input',
      questions_language_block: 'questions_language_input',
    });
  });

  it('the question has the max_length the reader enforces', () => {
    expect(expectSameLimits(questionForm, addQuestionModal(translator('en')))).toEqual({ questions_text_block: QUESTION_MAX });
  });

  it('reads step 1–8 or none, and one of the three languages (both by default in the modal)', () => {
    const tr = translator('nb');
    const view = addQuestionModal(tr);
    const language = (view.blocks as { block_id?: string; element?: { initial_option?: { value: string } } }[]).find((b) => b.block_id === 'questions_language_block');
    expect(language?.element?.initial_option?.value).toBe('both');
    const values = (step: string | null, lang: string) => ({
      questions_text_block: { questions_text_input: { type: 'plain_text_input', value: 'Hva gikk bra?' } },
      questions_step_block: { questions_step_input: { type: 'static_select', selected_option: step === null ? null : { value: step } } },
      questions_language_block: { questions_language_input: { type: 'radio_buttons', selected_option: { value: lang } } },
    });
    expect(questionForm.read(values('7', 'nb')).value).toEqual({ text: 'Hva gikk bra?', step: '7', language: 'nb' });
    expect(questionForm.read(values(null, 'both')).value).toEqual({ text: 'Hva gikk bra?', step: null, language: 'both' });
    expect(questionForm.read(values('9', 'de')).errors).toEqual({ questions_step_block: { key: 'common.error_invalid_option' }, questions_language_block: { key: 'common.error_invalid_option' } });
  });
});

describe('question rules', () => {
  it('a step is one of the guide\'s eight, or none', () => {
    expect(questionRuleErrors({ step: null })).toEqual({});
    expect(questionRuleErrors({ step: 8 })).toEqual({});
    expect(questionRuleErrors({ step: 0 })).toEqual({ step: { key: 'common.error_invalid_option' } });
    expect(questionRuleErrors({ step: 2.5 })).toEqual({ step: { key: 'common.error_invalid_option' } });
  });

  it('question keys: the guide, the step prompts and workspace questions; nothing else', () => {
    for (const k of ['g1', 'g8', 's3b', 'q-c000000000000000000000001']) expect(QUESTION_KEY.test(k)).toBe(true);
    for (const k of ['g9', 's3c', 'q-', 'q-ABC0000000000', '']) expect(QUESTION_KEY.test(k)).toBe(false);
  });
});
